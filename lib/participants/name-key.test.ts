import { describe, expect, it } from "vitest";
import { nameKey } from "./name-key";

describe("nameKey", () => {
  it("ignores case, accents and extra spaces", () => {
    expect(nameKey("  José  DE la   Cruz ")).toBe("jose de la cruz");
    expect(nameKey("Nguyễn")).toBe("nguyen");
    expect(nameKey("Conceição")).toBe("conceicao");
    expect(nameKey("O'Brien")).toBe("o'brien");
  });
  it("keeps different names different", () => {
    expect(nameKey("Ana")).not.toBe(nameKey("Anna"));
  });
});
