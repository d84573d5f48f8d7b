#!/usr/bin/env node
"use strict";
// npm links the bins of dependencies into node_modules/.bin but not the project's own, so
// `npx duban` would look in the registry. `prepare` runs this after `npm ci` to link it.
const fs = require("node:fs");
const path = require("node:path");

const root = path.join(__dirname, "..");
const binDir = path.join(root, "node_modules", ".bin");
const link = path.join(binDir, "duban");
fs.mkdirSync(binDir, { recursive: true });
fs.rmSync(link, { force: true });
fs.symlinkSync(path.relative(binDir, path.join(root, "bin", "duban.js")), link);
