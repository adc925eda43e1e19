/**
 * What a page must never do in an end-to-end test: throw an uncaught error, log a console error, or
 * have a request fail (network failure or an HTTP status of 400 and above). The watcher records
 * all three for every page of a browser context; the `pageProblems` fixture fails the test when any
 * was recorded and not declared expected with `allow(pattern)` (e.g. a test that opens a broken
 * file on purpose, where the host answers 400 and the page shows why).
 */
import type { BrowserContext, ConsoleMessage, Page, Request, Response } from '@playwright/test';

/** One thing the page did wrong, as a line a reader can act on. */
export interface PageProblem {
  readonly kind: 'page error' | 'console error' | 'failed request';
  readonly text: string;
}

export interface PageProblems {
  /** Everything recorded so far, expected or not. */
  readonly all: readonly PageProblem[];
  /** Declares problems whose text matches `pattern` expected in this test: they do not fail it. */
  allow(pattern: RegExp): void;
  /** The recorded problems no `allow` pattern covers. */
  unexpected(): PageProblem[];
}

/** Requests aborted because they left the machine are reported by the offline check instead. */
const BLOCKED_BY_CLIENT = 'net::ERR_BLOCKED_BY_CLIENT';
/**
 * Requests the page itself cancelled: a reload or navigation drops what is still loading, and a
 * Monaco worker ended with its pane (a quick tab switch) cancels its script. Nothing failed on the
 * host or the network; refused connections, errors and HTTP >= 400 are still problems.
 */
const CANCELLED_BY_PAGE = 'net::ERR_ABORTED';

function describeResponse(response: Response): string {
  const request = response.request();
  return `${request.method()} ${response.url()} answered HTTP ${response.status()}`;
}

function describeFailure(request: Request): string {
  return `${request.method()} ${request.url()} failed: ${request.failure()?.errorText ?? 'unknown error'}`;
}

function describeConsole(message: ConsoleMessage): string {
  const where = message.location();
  const at = where.url ? ` (${where.url}:${where.lineNumber + 1})` : '';
  return `${message.text()}${at}`;
}

/** Starts recording the problems of every page `context` has or opens. */
export function watchPageProblems(context: BrowserContext): PageProblems {
  const all: PageProblem[] = [];
  const allowed: RegExp[] = [];
  const watchPage = (page: Page) => {
    page.on('pageerror', (error) => all.push({ kind: 'page error', text: `${error.name}: ${error.message}` }));
  };
  context.pages().forEach(watchPage);
  context.on('page', watchPage);
  context.on('console', (message) => {
    if (message.type() === 'error') all.push({ kind: 'console error', text: describeConsole(message) });
  });
  context.on('requestfailed', (request) => {
    const reason = request.failure()?.errorText;
    if (reason === BLOCKED_BY_CLIENT || reason === CANCELLED_BY_PAGE) return;
    all.push({ kind: 'failed request', text: describeFailure(request) });
  });
  context.on('response', (response) => {
    if (response.status() >= 400) all.push({ kind: 'failed request', text: describeResponse(response) });
  });
  return {
    all,
    allow: (pattern) => void allowed.push(pattern),
    unexpected: () => all.filter((p) => !allowed.some((pattern) => pattern.test(p.text))),
  };
}

/** One line per problem, for the failure message. */
export function formatPageProblems(problems: readonly PageProblem[]): string {
  return problems.map((p) => `${p.kind}: ${p.text}`).join('\n');
}
