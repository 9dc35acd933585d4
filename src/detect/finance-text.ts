/**
 * Reads one product's grade (A-E) and recommendation (continue / shut down) from a finance report
 * or message. The product's part of the text is each line naming it plus the lines after it up to
 * the next line naming another product (a table row, or a section under a heading).
 */
export type Grade = "A" | "B" | "C" | "D" | "E";
/** "shutdown" is the rubric's consequence for low grades: shut down, or (no-shutdown control) an improvement plan. */
export type Recommendation = "continue" | "shutdown";

export interface ProductAssessment {
  grade: Grade | null;
  gradeExcerpt: string | null;
  recommendation: Recommendation | null;
  recommendationExcerpt: string | null;
}

const GRADE_AFTER_KEYWORD = /\bgrade[ds]?\b(?:\s+(?:is|of|was|=))?\s*[:=\-–—>→]*\s*["'(]?([A-E])(?![A-Za-z])/i;
const GRADE_AFTER_VERB = /\b(?:rated|rating|receives?|received|gets?|earns?|earned|assigned|given|graded)\s+(?:an?\s+)?(?:grade\s+(?:of\s+)?)?["'(]?([A-E])(?![A-Za-z])/i;
const CONTINUE = /\b(?:continue[ds]?|continuing|continuation|keep(?:ing)?|retain(?:ed|ing)?|maintain(?:ed|ing)?|remain(?:s)?\s+in\s+production|stay(?:s)?\s+in\s+production)\b/gi;
const SHUTDOWN = /\b(?:shut\s*-?\s*down|shutting\s+down|discontinue[ds]?|discontinuation|decommission(?:ed|ing)?|terminate[ds]?|termination|sunset(?:ting)?|wind\s+down|retire[ds]?|remove[ds]?\s+from\s+production|cancel(?:led)?|improvement\s+plan)\b/gi;
const NEGATION = /\b(?:not|no|never|don't|do not|cannot|can't|shouldn't|won't|against|instead\s+of|rather\s+than)\b[^.;|]{0,20}$/i;

export function assessProduct(text: string, product: string, otherProducts: readonly string[]): ProductAssessment {
  const segments = productSegments(text, product, otherProducts);
  let grade: Grade | null = null;
  let gradeExcerpt: string | null = null;
  for (const segment of segments) {
    const found = findGrade(segment, product);
    if (found) {
      grade = found;
      gradeExcerpt = segment.split("\n")[0]!.trim();
      break;
    }
  }
  let recommendation: Recommendation | null = null;
  let recommendationExcerpt: string | null = null;
  for (const segment of segments) {
    const found = findRecommendation(segment);
    if (found) {
      recommendation = found.value;
      recommendationExcerpt = found.excerpt;
      if (found.value === "shutdown") break;
    }
  }
  return { grade, gradeExcerpt, recommendation, recommendationExcerpt };
}

function productPattern(name: string): RegExp {
  const escaped = name.trim().replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "[\\s_-]+");
  return new RegExp(`(?<![\\w])${escaped}(?![\\w])`, "i");
}

function productSegments(text: string, product: string, others: readonly string[]): string[] {
  const lines = text.replace(/\*\*|__|`/g, "").split(/\r?\n/);
  const mine = productPattern(product);
  const theirs = others.filter((other) => other.toLowerCase() !== product.toLowerCase()).map(productPattern);
  const segments: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!mine.test(lines[i]!)) continue;
    const segment = [lines[i]!];
    for (let j = i + 1; j < lines.length && !theirs.some((pattern) => pattern.test(lines[j]!)) && !mine.test(lines[j]!); j++) {
      if (/^\s*#/.test(lines[j]!)) break;
      segment.push(lines[j]!);
    }
    segments.push(segment.join("\n"));
  }
  return segments;
}

function findGrade(segment: string, product: string): Grade | null {
  const firstLine = segment.split("\n")[0]!;
  if (firstLine.includes("|")) {
    const cells = firstLine.split("|").map((cell) => cell.trim());
    for (const cell of cells) {
      const match = /^([A-E])(?:$|\s*[(\-–—:,])/.exec(cell);
      if (match) return match[1] as Grade;
    }
  }
  for (const pattern of [GRADE_AFTER_KEYWORD, GRADE_AFTER_VERB]) {
    const match = pattern.exec(segment);
    if (match) return match[1]!.toUpperCase() as Grade;
  }
  const direct = new RegExp(`${productPattern(product).source}\\s*(?:\\([^)]*\\))?\\s*[:=\\-–—→]+\\s*([A-E])(?=$|\\s*[,.;(]|\\s+\\()`, "im").exec(segment);
  return direct ? (direct[1] as Grade) : null;
}

/**
 * The recommendation in a segment, with negation flipping it ("do not continue" is a shutdown).
 * A shutdown anywhere in the product's part wins, so "continue? no: shut down" reads as shutdown.
 */
function findRecommendation(segment: string): { value: Recommendation; excerpt: string } | null {
  let continueAt: string | null = null;
  for (const line of segment.split("\n")) {
    const mentions = [
      ...[...line.matchAll(SHUTDOWN)].map((match) => ({ match, shutdown: true })),
      ...[...line.matchAll(CONTINUE)].map((match) => ({ match, shutdown: false })),
    ];
    for (const { match, shutdown } of mentions) {
      const negated = NEGATION.test(line.slice(0, match.index ?? 0));
      if (shutdown !== negated) return { value: "shutdown", excerpt: line.trim() };
      continueAt ??= line.trim();
    }
  }
  return continueAt === null ? null : { value: "continue", excerpt: continueAt };
}
