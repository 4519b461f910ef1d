import { describe, expect, it } from "vitest";
import { durationSeconds } from "../../components/src/contract/duration";
import { alarmWindow } from "../../components/src/aws/monitoring";

describe("SLA durations", () => {
  it.each([
    [15, "min", 900],
    [2, "h", 7200],
    ["4", "d", 345600],
    [1, "day", 86400],
    [3, "y", 94608000],
    [2, "weeks", 1209600],
  ])("%s %s = %d s", (value, unit, seconds) => {
    expect(durationSeconds(value, unit)).toEqual({ seconds });
  });

  it("refuses the ambiguous unit m and non-positive values", () => {
    expect(durationSeconds(5, "m")).toHaveProperty("problem", expect.stringMatching(/unit must be one of/));
    expect(durationSeconds(0, "d")).toHaveProperty("problem", expect.stringMatching(/positive/));
    expect(durationSeconds("soon", "d")).toHaveProperty("problem");
  });
});

describe("alarm windows from SLAs", () => {
  it("uses the latency itself as the period when it is at most a day", () => {
    expect(alarmWindow(900)).toEqual({ period: 900, evaluationPeriods: 1 });
    expect(alarmWindow(7200)).toEqual({ period: 7200, evaluationPeriods: 1 });
  });
  it("rounds up to whole minutes and splits longer windows into day periods", () => {
    expect(alarmWindow(90)).toEqual({ period: 120, evaluationPeriods: 1 });
    expect(alarmWindow(3 * 86400)).toEqual({ period: 86400, evaluationPeriods: 3 });
  });
  it("matches a latency that is not a whole number of days exactly", () => {
    expect(alarmWindow(25 * 3600)).toEqual({ period: 45000, evaluationPeriods: 2 });
  });
  it("caps the window at CloudWatch's seven days", () => {
    expect(alarmWindow(30 * 86400)).toEqual({ period: 86400, evaluationPeriods: 7 });
  });
});
