import { test } from "node:test";
import assert from "node:assert/strict";
import { closestSection } from "../../assets/js/search.js";

const page = { url: "/devops/helm/", excerpt: "페이지 발췌", meta: { title: "Helm" } };

test("the section with the most matches wins; its heading and anchor are used", () => {
  const section = closestSection({
    ...page,
    sub_results: [
      { url: "/devops/helm/", title: "Helm", excerpt: "위", locations: [1] },
      { url: "/devops/helm/#설치", title: "설치 #", excerpt: "설치 발췌", locations: [5, 9] },
      { url: "/devops/helm/#값", title: "값", excerpt: "값 발췌", locations: [12] },
    ],
  });
  assert.deepEqual(section, { url: "/devops/helm/#설치", heading: "설치 #", excerpt: "설치 발췌" });
});

test("a tie goes to the earlier section; text above the first heading has no heading", () => {
  const section = closestSection({
    ...page,
    sub_results: [
      { url: "/devops/helm/", title: "Helm", excerpt: "위", locations: [1] },
      { url: "/devops/helm/#값", title: "값", excerpt: "값 발췌", locations: [12] },
    ],
  });
  assert.deepEqual(section, { url: "/devops/helm/", heading: undefined, excerpt: "위" });
});

test("no sub-results: the page itself", () => {
  assert.deepEqual(closestSection(page), { url: "/devops/helm/", excerpt: "페이지 발췌" });
});
