import { test } from "node:test";
import assert from "node:assert/strict";
import { createWarningPrinter, observeDiagnostics, type Diagnostic } from "../../src/diagnostics/diagnostic.ts";

test("the warning printer prints one problem once, however many parts of the build find it", () => {
  const lines: string[] = [];
  const print = createWarningPrinter((line) => lines.push(line));
  const fromCheck: Diagnostic = {
    severity: "warning", file: "posts/a.md", line: 3, column: 5, field: "image", message: "/assets/한.png: no such file in assets/",
    kind: "missing-image", target: "/assets/한.png",
  };
  const fromRenderer: Diagnostic = {
    severity: "warning", file: "posts/a.md", line: 3, field: "image", message: "image file not found: /assets/%ED%95%9C.png",
    kind: "missing-image", target: "/assets/%ED%95%9C.png",
  };
  print(fromCheck);
  print(fromRenderer);
  print(fromCheck);
  // Same target on another line, or unclassified: its own line.
  print({ ...fromRenderer, line: 4 });
  print({ ...fromRenderer, kind: undefined, message: "other" });
  assert.deepEqual(lines, [
    "[opsnote] posts/a.md:3:5 warning image: /assets/한.png: no such file in assets/",
    "[opsnote] posts/a.md:4:1 warning image: image file not found: /assets/%ED%95%9C.png",
    "[opsnote] posts/a.md:3:1 warning image: other",
  ]);
  print.reset();
  print(fromRenderer);
  assert.equal(lines.length, 4, "a new build prints again");
});

test("an observer receives each printed diagnostic once, as an object with its kind, until it stops", () => {
  const printed: string[] = [];
  const seen: Diagnostic[] = [];
  const report = createWarningPrinter((line) => printed.push(line));
  const stop = observeDiagnostics((d) => seen.push(d));
  const unreadable: Diagnostic = { severity: "warning", file: "posts/a.md", line: 3, field: "image", kind: "unencodable-image", target: "chart.png", message: "no AVIF/WebP copies of chart.png" };
  report(unreadable);
  report(unreadable); // a repeat is neither printed nor observed
  stop();
  report({ ...unreadable, line: 4 });
  assert.equal(printed.length, 2);
  assert.deepEqual(seen, [unreadable]);
});
