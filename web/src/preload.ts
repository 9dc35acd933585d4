import { paths, requestEarly } from "./api.js";
import type { Route } from "./route.js";
import { resultsQuery } from "./selection.js";

/**
 * Starts the first requests of the page in the URL while the app's code (React and the pages)
 * still loads, so the two overlap instead of following each other.
 */
export function preload(route: Route): void {
  switch (route.page) {
    case "studies":
      requestEarly(paths.studies());
      break;
    case "study":
      requestEarly(paths.study(route.study));
      requestEarly(paths.results(route.study, resultsQuery(route.query).toString()));
      break;
    case "trial":
      requestEarly(paths.trial(route.id));
      break;
    default:
      break;
  }
}
