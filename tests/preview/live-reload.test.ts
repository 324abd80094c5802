/**
 * The reload client injected into every preview page (src/preview/live-reload.ts), run against a
 * stand-in for the browser: which build events reload which page.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { parseHTML } from "linkedom";
import { CLIENT_SCRIPT, EVENTS_PATH, buildEventData, errorPage, injectPreview } from "../../src/preview/live-reload.ts";

/** Runs the client in a page at `pathname` served as build `id`; returns a function that delivers events. */
function openPage(pathname: string, id: string, { reloadAny = false } = {}) {
  const html = injectPreview("<!doctype html><html><head></head><body><p>글</p></body></html>", id, [], [], { reloadOnAnyBuild: reloadAny });
  const { document } = parseHTML(html);
  const script = document.querySelector("script")!.textContent!;
  let listener: ((event: { data: string }) => void) | undefined;
  let connectedTo: string | undefined;
  const page = { reloads: 0, deliver: (data: string) => listener!({ data }), connectedTo: () => connectedTo };
  class FakeEventSource {
    constructor(url: string) {
      connectedTo = url;
    }
    addEventListener(type: string, fn: (event: { data: string }) => void) {
      if (type === "build") listener = fn;
    }
  }
  const location = { pathname: encodeURI(pathname), reload: () => (page.reloads += 1) };
  new Function("document", "location", "EventSource", script)(document, location, FakeEventSource);
  return page;
}

test("the client listens to the event stream and ignores the build it shows", () => {
  const page = openPage("/devops/a/", "1-3");
  assert.equal(page.connectedTo(), EVENTS_PATH);
  page.deliver(buildEventData("1-3"));
  assert.equal(page.reloads, 0);
});

test("a build for every page, or for this page, reloads it", () => {
  const page = openPage("/devops/쿠버네티스/", "1-3");
  page.deliver(buildEventData("1-4"));
  assert.equal(page.reloads, 1);
  const post = openPage("/devops/쿠버네티스/", "1-3");
  post.deliver(buildEventData("1-4", ["/index.html", "/devops/쿠버네티스/index.html"]));
  assert.equal(post.reloads, 1);
  const file = openPage("/404.html", "1-3");
  file.deliver(buildEventData("1-4", ["/404.html"]));
  assert.equal(file.reloads, 1);
});

test("a build that changed other pages leaves this one, which then takes the new id as its own", () => {
  const page = openPage("/devops/a/", "1-3");
  page.deliver(buildEventData("1-4", ["/devops/b/index.html"]));
  assert.equal(page.reloads, 0);
  // Reconnecting, the server repeats the current id: nothing new for this page.
  page.deliver(buildEventData("1-4"));
  assert.equal(page.reloads, 0);
  page.deliver(buildEventData("1-5"));
  assert.equal(page.reloads, 1);
});

test("a 404 page and the first-build error page reload on any build", () => {
  const missing = openPage("/devops/new/", "1-3", { reloadAny: true });
  missing.deliver(buildEventData("1-4", ["/index.html"]));
  assert.equal(missing.reloads, 1);
  const { document } = parseHTML(errorPage("1-0", ["x.md:1 error"]));
  assert.equal(document.documentElement.getAttribute("data-opsnote-reload"), "any");
});
