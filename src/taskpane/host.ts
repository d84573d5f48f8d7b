/// <reference types="office-js" />
/** Where the pane is running, found once at start. */

export type PaneHost =
  | { kind: "excel" }
  /** Office.js did not load: a plain browser, a test page, or no access to Microsoft's CDN. */
  | { kind: "browser" }
  /** Loaded by another Office application, which the manifest does not ask for. */
  | { kind: "other-office"; host: string };

/** The part of the Office.js global this needs, so tests can hand in a stand-in. */
export type OfficeGlobal = Pick<typeof Office, "onReady" | "HostType">;

export async function detectHost(office: OfficeGlobal | undefined): Promise<PaneHost> {
  if (!office) return { kind: "browser" };
  const { host } = await office.onReady();
  if (host === office.HostType.Excel) return { kind: "excel" };
  // Office.js in a plain browser reports no host at all.
  if (host === null || host === undefined) return { kind: "browser" };
  return { kind: "other-office", host: String(host) };
}
