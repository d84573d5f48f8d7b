// @ts-check
import eslint from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";

/** Everything the pure core must not reach: hosts, UI, I/O and Node. */
const outsideCore = [
  "react",
  "react-dom",
  "react/*",
  "@fluentui/*",
  "@microsoft/office-js",
  "office-addin-*",
  "exceljs",
  "docx",
  "mammoth",
  "playwright-core",
  "node:*",
  "**/adapters/**",
  "**/taskpane/**",
  "**/cli/**",
];

export default tseslint.config(
  { ignores: ["dist/**", "out/**", "test/tools/**", "test/helpers/*.mjs", "node_modules/**", "coverage/**", "bin/**", "*.config.js", "*.config.mjs"] },
  eslint.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      "@typescript-eslint/ban-ts-comment": "error",
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", ignoreRestSiblings: true }],
      "no-console": "error",
    },
  },
  {
    files: ["src/core/**/*.ts"],
    ignores: ["src/core/**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: outsideCore,
              message: "src/core is pure: no Office, React, DOM, Node or adapter imports. Put I/O in an adapter.",
            },
            {
              // Bare Node built-ins by exact name: a gitignore-style "util" would also ban src/core/util.ts.
              regex: "^(fs|path|os|child_process|zlib|stream|buffer|util)(/.*)?$",
              message: "src/core is pure: no Node imports. Put I/O in an adapter.",
            },
          ],
        },
      ],
      "no-restricted-globals": [
        "error",
        ...["window", "document", "navigator", "Office", "Excel", "process", "Buffer", "require", "console"].map(
          (name) => ({ name, message: "src/core is pure: pass what you need in as data." }),
        ),
      ],
    },
  },
  {
    files: ["**/*.test.ts", "**/*.test.tsx", "test/**/*.ts"],
    rules: {
      "@typescript-eslint/no-non-null-assertion": "off",
      "@typescript-eslint/unbound-method": "off",
    },
  },
);
