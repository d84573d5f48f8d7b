// @ts-check
/**
 * Builds the Excel add-in: dist/taskpane.html (+ its script and lazy chunks), dist/commands.html and
 * the icons. `npm run build:pane` builds for production; `npm start` serves over https on port 3000
 * with the office-addin-dev-certs certificates, the origin manifest.xml names.
 *
 * dist/ is shared with the CLI build (tsc writes dist/src and dist/bench), so cleaning keeps those.
 */
const path = require("node:path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const DEV_SERVER_PORT = 3000;
/** The only thing the pane loads from the internet at run time. */
const OFFICE_JS_URL = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
/** Libraries too heavy for the first load: they must be reached only through `import()`. */
const LAZY_ONLY = /[\\/]node_modules[\\/](exceljs|docx|mammoth|pdfjs-dist)[\\/]/;

/** Fails the build when a heavy library ends up in a chunk loaded at start. */
class LazyOnlyGuard {
  /** @param {import("webpack").Compiler} compiler */
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("LazyOnlyGuard", (compilation) => {
      compilation.hooks.afterOptimizeChunks.tap("LazyOnlyGuard", (chunks) => {
        for (const chunk of chunks) {
          if (!chunk.canBeInitial()) continue;
          for (const module of compilation.chunkGraph.getChunkModulesIterable(chunk)) {
            const resource = "resource" in module ? String(module.resource) : "";
            if (LAZY_ONLY.test(resource)) {
              compilation.errors.push(
                new compiler.webpack.WebpackError(
                  `${path.relative(__dirname, resource)} is in the initial chunk "${chunk.name}": load it with import().`,
                ),
              );
              break;
            }
          }
        }
      });
    });
  }
}

async function httpsOptions() {
  // Required lazily: only `npm start` needs certificates (and installs them on first use).
  const devCerts = require("office-addin-dev-certs");
  const { ca, cert, key } = await devCerts.getHttpsServerOptions();
  return { ca, cert, key };
}

/**
 * @param {Record<string, unknown>} env
 * @param {{ mode?: "production" | "development" | "none" }} argv
 * @returns {Promise<import("webpack").Configuration & { devServer?: import("webpack-dev-server").Configuration }>}
 */
module.exports = async (env, argv) => {
  const development = argv.mode === "development";
  return {
    mode: development ? "development" : "production",
    context: __dirname,
    target: ["web", "es2020"],
    devtool: "source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      chunkFilename: development ? "[name].js" : "[name].[contenthash:8].js",
      clean: { keep: /^(src|bench|test)[\\/]/ },
    },
    // `import("./x.js")` names a TypeScript file, as node16 module resolution asks dynamic imports to.
    resolve: { extensions: [".ts", ".tsx", ".js"], extensionAlias: { ".js": [".ts", ".tsx", ".js"] } },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          loader: "ts-loader",
          options: {
            // Types are checked by `tsc --noEmit`; the bundle only needs the JavaScript.
            transpileOnly: true,
            onlyCompileBundledFiles: true,
            // ES modules, so that `import()` becomes its own chunk.
            compilerOptions: {
              module: "esnext",
              moduleResolution: "bundler",
              target: "es2020",
              sourceMap: true,
            },
          },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
        officeJs: OFFICE_JS_URL,
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
        officeJs: OFFICE_JS_URL,
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          // pdf.js parses in a worker, loaded from the add-in's own files (src/adapters/pdf/browser.ts).
          {
            from: path.join(
              path.dirname(require.resolve("pdfjs-dist/package.json")),
              "build/pdf.worker.min.mjs",
            ),
            // .js, not .mjs: every web server sends .js as JavaScript, which a module worker needs.
            to: "pdf.worker.min.js",
            info: { minimized: true },
          },
        ],
      }),
      new LazyOnlyGuard(),
    ],
    // The budget is the gzipped size of the first load, measured by `npm run bench` (bench/bundle.ts).
    performance: { hints: false },
    devServer: env.WEBPACK_SERVE
      ? {
          port: DEV_SERVER_PORT,
          server: { type: "https", options: await httpsOptions() },
          headers: { "Access-Control-Allow-Origin": "*" },
          static: false,
          hot: false,
          client: { overlay: { warnings: false } },
        }
      : undefined,
  };
};

module.exports.DEV_SERVER_PORT = DEV_SERVER_PORT;
module.exports.OFFICE_JS_URL = OFFICE_JS_URL;
