export { DEFAULT_WEB_ROOT, createViewer, createViewerApp, type ViewerApp, type ViewerAppOptions } from "./app.js";
export { isLoopback } from "./access.js";
export { ParamError, type TrialSelection } from "./params.js";
export { startViewer, type RunningViewer, type ViewerServerOptions } from "./serve.js";
export type * from "./types.js";
