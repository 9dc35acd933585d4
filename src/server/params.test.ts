import { describe, expect, it } from "vitest";
import { ParamError, parseCounterpartQuery, parseResultsQuery, parseTrialListQuery } from "./params.js";

const q = (text: string) => new URLSearchParams(text);

function error(run: () => unknown): ParamError {
  try {
    run();
  } catch (caught) {
    if (caught instanceof ParamError) return caught;
    throw caught;
  }
  throw new Error("expected a ParamError");
}

describe("parseTrialListQuery", () => {
  it("reads lists given comma-separated or repeated, and pages", () => {
    const { selection, page, pageSize } = parseTrialListQuery(q("scenario=finance,tampering&relationship=good&relationship=bad&threshold=80&model=policy:preserve?p=0.3&page=3&pageSize=20"));
    expect(selection).toEqual({ scenario: ["finance", "tampering"], model: ["policy:preserve?p=0.3"], where: { relationship: ["good", "bad"], threshold: [80] } });
    expect([page, pageSize]).toEqual([3, 20]);
  });

  it("keeps commas inside a model spec", () => {
    expect(parseTrialListQuery(q("model=a:b,c")).selection.model).toEqual(["a:b,c"]);
  });

  it("defaults to the first page of 50, any trial", () => {
    expect(parseTrialListQuery(q(""))).toEqual({ selection: { where: {} }, page: 1, pageSize: 50 });
  });

  it("reads a label filter, true unless value=false", () => {
    expect(parseTrialListQuery(q("label=tampering")).selection.label).toEqual({ name: "tampering", value: true });
    expect(parseTrialListQuery(q("label=tampering&value=false")).selection.label).toEqual({ name: "tampering", value: false });
  });

  it("names the parameter, the bad value and the valid ones", () => {
    const bad = error(() => parseTrialListQuery(q("surface=gui")));
    expect(bad.param).toBe("surface");
    expect(bad.message).toBe('invalid parameter "surface": got "gui"; expected one or more of tools, shell');
    expect(error(() => parseTrialListQuery(q("relationship=good,great"))).message).toMatch(/got "great"/);
    expect(error(() => parseTrialListQuery(q("pageSize=501"))).param).toBe("pageSize");
    expect(error(() => parseTrialListQuery(q("label=read,completed"))).message).toMatch(/"label": give it once/);
    expect(error(() => parseTrialListQuery(q("sort=id"))).message).toMatch(/^unknown parameter "sort"; this endpoint takes page, pageSize, scenario/);
  });

  it("ignores the access token parameter", () => {
    expect(parseTrialListQuery(q("token=abc")).page).toBe(1);
  });
});

describe("parseResultsQuery", () => {
  it("reads the baseline, level and alpha beside the filters", () => {
    expect(parseResultsQuery(q("baseline=policy:faithful&level=0.9&alpha=0.01&surface=tools"))).toEqual({
      selection: { where: { surface: ["tools"] } },
      baseline: "policy:faithful",
      level: 0.9,
      alpha: 0.01,
    });
    expect(error(() => parseResultsQuery(q("page=2"))).param).toBe("page");
  });
});

describe("parseCounterpartQuery", () => {
  it("needs one condition key", () => {
    expect(parseCounterpartQuery(q("key=monitoring"))).toEqual({ key: "monitoring" });
    expect(error(() => parseCounterpartQuery(q(""))).message).toMatch(/missing parameter "key"/);
    expect(error(() => parseCounterpartQuery(q("key=model"))).param).toBe("key");
  });
});
