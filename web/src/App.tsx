import { ComparePage } from "./pages/Compare.js";
import { StudiesPage } from "./pages/Studies.js";
import { StudyPage } from "./pages/Study.js";
import { TrialPage } from "./pages/Trial.js";
import { TrialsPage } from "./pages/Trials.js";
import { href } from "./route.js";
import { useRoute } from "./useRoute.js";

export function App() {
  const route = useRoute();
  return (
    <>
      <header className="top">
        <a className="brand" href={href.studies()}>
          peerguard <span>viewer</span>
        </a>
        <nav className="crumbs">
          {route.page !== "studies" && <a href={href.studies()}>Studies</a>}
          {(route.page === "study" || route.page === "trials") && (
            <>
              <span>/</span>
              <a href={href.study(route.study)}>{route.study}</a>
            </>
          )}
          {route.page === "trials" && (
            <>
              <span>/</span>
              <span>trials</span>
            </>
          )}
        </nav>
      </header>
      <main>
        {route.page === "studies" && <StudiesPage />}
        {route.page === "study" && <StudyPage study={route.study} query={route.query} />}
        {route.page === "trials" && <TrialsPage study={route.study} query={route.query} />}
        {route.page === "trial" && <TrialPage key={route.id} id={route.id} step={route.step} />}
        {route.page === "compare" && <ComparePage a={route.a} b={route.b} />}
      </main>
    </>
  );
}
