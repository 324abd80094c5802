/**
 * A post's image: the list thumbnail's path and the sharing card's absolute URL follow one rule.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { absoluteImageUrl, postImageSrc } from "../../src/seo/post-image.ts";

const imageSources: [image: string | undefined, src: string | undefined][] = [
  [undefined, undefined],
  ["/assets/cover.png", "/assets/cover.png"],
  ["https://cdn.example.com/x.png", "https://cdn.example.com/x.png"],
  ["cover.png", "/devops/kubernetes-intro/cover.png"],
  ["../shared/cover.png", "/devops/shared/cover.png"],
];
for (const [image, src] of imageSources) {
  test(`a list's thumbnail of image ${JSON.stringify(image)} is ${JSON.stringify(src)}`, () => {
    assert.equal(postImageSrc({ image, url: "/devops/kubernetes-intro/" }), src);
  });
}

test("the card's image is absolute, and a relative one is read from the post's URL as the thumbnail is (a Hugo bundle's img/unreal.svg)", () => {
  const site = { url: "https://blog.example.kr", pathPrefix: "/notes/" };
  const post = (image: string | undefined) => ({ image, url: "/p/unreal-gas/" });
  assert.equal(absoluteImageUrl(site, post("img/unreal.svg")), "https://blog.example.kr/notes/p/unreal-gas/img/unreal.svg");
  assert.equal(absoluteImageUrl(site, post("/assets/a.png")), "https://blog.example.kr/notes/assets/a.png");
  assert.equal(absoluteImageUrl(site, post("https://cdn.example.com/a.png")), "https://cdn.example.com/a.png");
  assert.equal(absoluteImageUrl(site, post("//cdn.example.com/a.png")), "https://cdn.example.com/a.png");
  assert.equal(absoluteImageUrl(site, post(undefined)), undefined);
});
