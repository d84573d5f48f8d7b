#!/usr/bin/env node
"use strict";
const { run } = require("../dist/src/cli/run.js");
const { nodeIo } = require("../dist/src/adapters/node/io.js");
run(process.argv.slice(2), nodeIo()).then(
  (code) => (process.exitCode = code),
  (error) => {
    process.stderr.write(`duban: 内部错误：${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 70;
  },
);
