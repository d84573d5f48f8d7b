/// <reference types="office-js" />
/**
 * The ribbon's function file (manifest `FunctionFile`). Office loads it in the background for the
 * add-in's commands and waits for it to initialise Office.js; the one ribbon button today opens the
 * task pane, which Office does by itself (`ShowTaskpane`).
 */
void Office.onReady();
