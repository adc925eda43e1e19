/**
 * Recent files and small preferences, kept in `settings.json` under `$PROMTOPO_CONFIG_DIR`, else
 * `$XDG_CONFIG_HOME/promtopo`, else `~/.config/promtopo`. Written atomically; a corrupt or foreign
 * file reads as the defaults (and is replaced on the next write) rather than breaking the app.
 */
import { promises as fs } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomically } from './atomicFile.ts';

/** How many recent files are kept. */
export const MAX_RECENT_FILES = 10;

const PreferenceValue = z.union([z.string().max(4096), z.number(), z.boolean()]);

const SettingsSchema = z.object({
  /** Absolute paths, newest first. */
  recentFiles: z.array(z.string()).default([]),
  /** Small named preferences (`theme`, `lastExportDir`, ...). */
  preferences: z.record(z.string(), PreferenceValue).default({}),
  /** Server nodes linked to running Prometheus URLs (key: document + node, chosen by the designer). */
  serverLinks: z.record(z.string().max(600), z.string().max(2048)).default({}),
});

/** The settings file contents. */
export type Settings = z.output<typeof SettingsSchema>;

/** The folder that holds settings.json. */
export function settingsDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.PROMTOPO_CONFIG_DIR) return env.PROMTOPO_CONFIG_DIR;
  if (env.XDG_CONFIG_HOME) return join(env.XDG_CONFIG_HOME, 'promtopo');
  return join(homedir(), '.config', 'promtopo');
}

function settingsFile(dir: string): string {
  return join(dir, 'settings.json');
}

/** Reads the settings; missing, unreadable or corrupt files give the defaults. Never throws. */
export async function readSettings(dir: string = settingsDir()): Promise<Settings> {
  try {
    const parsed = SettingsSchema.safeParse(JSON.parse(await fs.readFile(settingsFile(dir), 'utf8')));
    if (parsed.success) return parsed.data;
  } catch {
    // Missing or not JSON: defaults.
  }
  return { recentFiles: [], preferences: {}, serverLinks: {} };
}

/** Writes the settings atomically (creating the folder). Throws on I/O errors. */
export async function writeSettings(settings: Settings, dir: string = settingsDir()): Promise<void> {
  await fs.mkdir(dir, { recursive: true });
  await writeFileAtomically(settingsFile(dir), `${JSON.stringify(SettingsSchema.parse(settings), null, 2)}\n`);
}

/** Moves `path` to the top of the recent files (deduplicated, at most MAX_RECENT_FILES). */
export async function addRecentFile(path: string, dir: string = settingsDir()): Promise<string[]> {
  const settings = await readSettings(dir);
  const recentFiles = [path, ...settings.recentFiles.filter((p) => p !== path)].slice(0, MAX_RECENT_FILES);
  await writeSettings({ ...settings, recentFiles }, dir);
  return recentFiles;
}

/** Recent files, newest first, in the shape of `hostApi.recentFiles`. */
export async function recentFiles(dir: string = settingsDir()): Promise<{ paths: string[] }> {
  return { paths: (await readSettings(dir)).recentFiles };
}

/** Sets one preference. */
export async function setPreference(key: string, value: string | number | boolean, dir: string = settingsDir()): Promise<void> {
  const settings = await readSettings(dir);
  await writeSettings({ ...settings, preferences: { ...settings.preferences, [key]: value } }, dir);
}

/** Most server links kept (oldest dropped first). */
export const MAX_SERVER_LINKS = 500;

/** Every server link. */
export async function serverLinks(dir: string = settingsDir()): Promise<Record<string, string>> {
  return (await readSettings(dir)).serverLinks;
}

/** Links (or with `url` null, unlinks) one server node; returns every link. The URL must be checked by the caller. */
export async function setServerLink(key: string, url: string | null, dir: string = settingsDir()): Promise<Record<string, string>> {
  const settings = await readSettings(dir);
  const { [key]: _previous, ...rest } = settings.serverLinks;
  const entries = Object.entries(rest);
  if (url !== null) entries.push([key, url]);
  const links = Object.fromEntries(entries.slice(-MAX_SERVER_LINKS));
  await writeSettings({ ...settings, serverLinks: links }, dir);
  return links;
}
