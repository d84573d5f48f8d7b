/** @jest-environment jsdom */
/**
 * manifest.xml, checked offline. office-addin-manifest's `validateManifest` posts XML manifests to a
 * Microsoft web service, so this test uses the library's offline reader (`readManifestFile`, the
 * parse `office-addin-manifest info` prints) and checks by hand what the schema (MS-OWEMXML) and
 * Office require: element order, required elements, resource references and their lengths, icon
 * files with the pixel sizes they claim, and URLs that match what webpack builds and serves.
 */

import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { ManifestInfo } from "office-addin-manifest";

const ROOT = path.resolve(__dirname, "..");
const MANIFEST = path.join(ROOT, "manifest.xml");
const OFFICE_APP = "http://schemas.microsoft.com/office/appforoffice/1.1";
const OVERRIDES = "http://schemas.microsoft.com/office/taskpaneappversionoverrides";
const BASIC_TYPES = "http://schemas.microsoft.com/office/officeappbasictypes/1.0";
const XSI = "http://www.w3.org/2001/XMLSchema-instance";

/** The TaskPaneApp sequence of the appforoffice 1.1 schema, in order. */
const TASK_PANE_APP_SEQUENCE = [
  "Id",
  "AlternateId",
  "Version",
  "ProviderName",
  "DefaultLocale",
  "DisplayName",
  "Description",
  "IconUrl",
  "HighResolutionIconUrl",
  "SupportUrl",
  "AppDomains",
  "Hosts",
  "Requirements",
  "DefaultSettings",
  "Permissions",
  "Dictionary",
  "VersionOverrides",
];
const REQUIRED = [
  "Id",
  "Version",
  "ProviderName",
  "DefaultLocale",
  "DisplayName",
  "Description",
  "DefaultSettings",
  "Permissions",
];

interface WebpackConfig {
  output: { path: string };
  plugins: { userOptions?: { filename?: string } }[];
}
type ConfigFactory = ((env: Record<string, unknown>, argv: { mode: string }) => Promise<WebpackConfig>) & {
  DEV_SERVER_PORT: number;
};

/**
 * The library's own reading of the manifest. It runs in a child Node: the library requires ES-only
 * packages (uuid, strip-bom), which Node loads but jest's module system cannot.
 */
function readWithLibrary(): ManifestInfo {
  const script = `require("office-addin-manifest").OfficeAddinManifest.readManifestFile(process.argv[1])
    .then((info) => process.stdout.write(JSON.stringify(info)))`;
  return JSON.parse(
    execFileSync(process.execPath, ["-e", script, MANIFEST], { cwd: ROOT, encoding: "utf8" }),
  ) as ManifestInfo;
}

function load(): Document {
  const doc = new DOMParser().parseFromString(readFileSync(MANIFEST, "utf8"), "application/xml");
  const error = doc.getElementsByTagName("parsererror")[0];
  if (error) throw new Error(`manifest.xml is not well-formed XML: ${error.textContent ?? ""}`);
  return doc;
}

const children = (element: Element): Element[] => Array.from(element.children);
const all = (doc: Document, namespace: string, name: string): Element[] =>
  Array.from(doc.getElementsByTagNameNS(namespace, name));
const one = (doc: Document, namespace: string, name: string): Element => {
  const found = all(doc, namespace, name);
  expect(found).toHaveLength(1);
  return found[0]!;
};

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.toString("ascii", 12, 16)).toBe("IHDR");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe("manifest.xml", () => {
  const doc = load();
  const root = doc.documentElement;

  it("is a task-pane add-in for Excel that the library's offline reader understands", () => {
    const info = readWithLibrary();
    expect(info.officeAppType).toBe("TaskPaneApp");
    expect(info.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(info.version).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(info.defaultLocale).toBe("zh-CN");
    expect(info.displayName).toBe("督办台账");
    expect(info.hosts).toEqual(["Workbook"]);
    expect(info.permissions).toBe("ReadWriteDocument");
    expect(info.defaultSettings?.sourceLocation).toBe("https://localhost:3000/taskpane.html");
  });

  it("follows the schema's element order and has every required element once", () => {
    expect(root.namespaceURI).toBe(OFFICE_APP);
    expect(root.getAttributeNS(XSI, "type")).toBe("TaskPaneApp");
    const names = children(root).map((e) => e.localName);
    for (const name of names) expect(TASK_PANE_APP_SEQUENCE).toContain(name);
    const positions = names.map((name) => TASK_PANE_APP_SEQUENCE.indexOf(name));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    for (const name of REQUIRED) expect(names.filter((n) => n === name)).toHaveLength(1);
  });

  it("asks for ExcelApi 1.7, so that Office 2019 can load it", () => {
    const requirements = children(root).find((e) => e.localName === "Requirements")!;
    const sets = Array.from(requirements.getElementsByTagNameNS(OFFICE_APP, "Set"));
    expect(sets.map((s) => [s.getAttribute("Name"), s.getAttribute("MinVersion")])).toEqual([
      ["ExcelApi", "1.7"],
    ]);
  });

  it("puts a button on the Home tab that opens the task pane, with a function file", () => {
    const overrides = one(doc, OVERRIDES, "VersionOverrides");
    expect(overrides.getAttributeNS(XSI, "type")).toBe("VersionOverridesV1_0");
    const host = one(doc, OVERRIDES, "Host");
    expect(host.getAttributeNS(XSI, "type")).toBe("Workbook");
    const formFactor = one(doc, OVERRIDES, "DesktopFormFactor");
    expect(children(formFactor).map((e) => e.localName)).toEqual([
      "GetStarted",
      "FunctionFile",
      "ExtensionPoint",
    ]);
    expect(one(doc, OVERRIDES, "ExtensionPoint").getAttributeNS(XSI, "type")).toBe("PrimaryCommandSurface");
    expect(one(doc, OVERRIDES, "OfficeTab").getAttribute("id")).toBe("TabHome");
    const control = one(doc, OVERRIDES, "Control");
    expect(control.getAttributeNS(XSI, "type")).toBe("Button");
    expect(children(control).map((e) => e.localName)).toEqual(["Label", "Supertip", "Icon", "Action"]);
    expect(one(doc, OVERRIDES, "Action").getAttributeNS(XSI, "type")).toBe("ShowTaskpane");
  });

  it("defines every resource it references, uses every one it defines, within the schema's lengths", () => {
    const defined = new Map<string, Element>();
    for (const kind of ["Image", "Url", "String"]) {
      for (const element of all(doc, BASIC_TYPES, kind)) {
        const id = element.getAttribute("id");
        if (id === null) continue; // <bt:Image size resid> inside <Icon> is a reference, not a definition
        expect(id.length).toBeLessThanOrEqual(32);
        expect(defined.has(id)).toBe(false);
        defined.set(id, element);
      }
    }
    const referenced = new Set(
      Array.from(doc.querySelectorAll("[resid]")).map((e) => e.getAttribute("resid")!),
    );
    expect([...referenced].sort()).toEqual([...defined.keys()].sort());
    for (const element of all(doc, BASIC_TYPES, "String")) {
      const limit = element.parentElement!.localName === "ShortStrings" ? 125 : 250;
      const value = element.getAttribute("DefaultValue")!;
      expect(value.length).toBeGreaterThan(0);
      expect(value.length).toBeLessThanOrEqual(limit);
    }
  });

  it("points at icon files that exist with the pixel sizes the manifest claims", () => {
    const iconFile = (url: string): string => {
      const { pathname } = new URL(url);
      const file = path.join(ROOT, pathname);
      expect(existsSync(file)).toBe(true);
      return file;
    };
    const claimed: [string, number][] = [
      [root.getElementsByTagNameNS(OFFICE_APP, "IconUrl")[0]!.getAttribute("DefaultValue")!, 32],
      [
        root.getElementsByTagNameNS(OFFICE_APP, "HighResolutionIconUrl")[0]!.getAttribute("DefaultValue")!,
        64,
      ],
    ];
    const images = new Map(
      all(doc, BASIC_TYPES, "Image").map((e) => [e.getAttribute("id"), e.getAttribute("DefaultValue")]),
    );
    for (const use of all(doc, BASIC_TYPES, "Image").filter((e) => e.hasAttribute("resid"))) {
      claimed.push([images.get(use.getAttribute("resid"))!, Number(use.getAttribute("size"))]);
    }
    expect(new Set(claimed.map(([, size]) => size))).toEqual(new Set([16, 32, 64, 80]));
    for (const [url, size] of claimed) expect(pngSize(iconFile(url))).toEqual({ width: size, height: size });
  });

  it("uses one https origin, the dev server's, for pages webpack builds", async () => {
    const factory = jest.requireActual<ConfigFactory>(path.join(ROOT, "webpack.config.js"));
    const config = await factory({}, { mode: "production" });
    const pages = new Set(config.plugins.map((p) => p.userOptions?.filename).filter((f) => f !== undefined));
    const urls = [
      ...Array.from(doc.querySelectorAll("[DefaultValue]"))
        .map((e) => e.getAttribute("DefaultValue")!)
        .filter((value) => /^[a-z]+:\/\//.test(value)),
    ];
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) expect(new URL(url).origin).toBe(`https://localhost:${factory.DEV_SERVER_PORT}`);
    const pageUrls = urls.filter((url) => url.endsWith(".html"));
    expect(new Set(pageUrls.map((url) => new URL(url).pathname.slice(1)))).toEqual(pages);
    expect(pages).toEqual(new Set(["taskpane.html", "commands.html"]));
    const sourceLocation = one(doc, OFFICE_APP, "SourceLocation").getAttribute("DefaultValue");
    const paneUrl = all(doc, BASIC_TYPES, "Url").find((e) => e.getAttribute("id") === "Duban.Taskpane.Url");
    expect(paneUrl?.getAttribute("DefaultValue")).toBe(sourceLocation);
  });
});
