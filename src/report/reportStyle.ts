/** The report's stylesheet (inline in the page): readable on screen, whole sections on A4 when printed. */
export const REPORT_CSS = `
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1f2328;background:#f6f8fa}
main{max-width:1280px;margin:0 auto;padding:24px 32px;background:#fff}
h1{font-size:24px;margin:0 0 4px}
h2{font-size:18px;margin:28px 0 8px;padding-bottom:4px;border-bottom:1px solid #d0d7de}
h3{font-size:15px;margin:16px 0 6px}
.note,.of{color:#59636e}
.of{font-size:12px}
.note{font-size:13px}
.empty{color:#59636e;font-style:italic}
.unset{color:#8c959f;font-style:italic}
span.over,div.of.over{color:#cf222e;font-weight:600}
table{border-collapse:collapse;width:100%}
th,td{text-align:left;vertical-align:top;padding:6px 8px;border-bottom:1px solid #eaeef2}
thead th{font-size:12px;text-transform:uppercase;letter-spacing:.03em;color:#59636e;border-bottom:1px solid #d0d7de}
tbody th{font-weight:600;overflow-wrap:anywhere}
.bar{height:6px;background:#eaeef2;border-radius:3px;margin:4px 0 2px;max-width:180px;overflow:hidden}
.bar span{display:block;height:100%;background:#2f9e44}
.bar.near span{background:#d39e00}
.bar.over span{background:#cf222e}
.findings li.warning{color:#9a6700}
.findings li.error{color:#cf222e}
code{font:12px ui-monospace,SFMono-Regular,Menlo,monospace;overflow-wrap:anywhere}
.files{columns:3 260px;padding-left:18px;margin:0}
.scenarios td{font-size:13px}
.total th,.total td{border-top:2px solid #d0d7de;font-weight:600}
#diagram svg{display:block;max-height:640px;border:1px solid #eaeef2;border-radius:6px;background:#fbfcfd}
footer{margin-top:28px}
@page{size:A4;margin:14mm}
@media print{
  body{background:#fff;font-size:11px}
  main{max-width:none;padding:0}
  h2{break-after:avoid}
  section{break-inside:avoid-page}
  #bundle,#load,#scenarios{break-inside:auto}
  tr{break-inside:avoid}
  #diagram svg{max-height:none}
  .bar,.bar span{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
`;
