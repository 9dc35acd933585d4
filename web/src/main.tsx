import { preload } from "./preload.js";
import { parseRoute } from "./route.js";
import "./styles.css";

// This entry stays small: the page's data is requested first, then the app's code is loaded beside it.
preload(parseRoute(window.location.hash));
void import("./boot.js");
