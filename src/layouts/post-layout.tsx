import type { PageData } from "./page-data.ts";
import { PostPage } from "./post.tsx";
import { StandalonePage } from "./page.tsx";
import { renderDocument } from "./render.ts";
import { findSeriesPosition } from "../collections/series.ts";
import { absoluteImageUrl } from "../seo/post-image.ts";
import { site } from "../site.ts";
import { PAGE_FEATURES_KEY } from "../markdown/page-features.ts";

/** The Eleventy layout every post is wrapped in; standalone pages (`kind: "page"`) get the page layout. */
export const postLayout = {
  data: {},
  render(data: PageData): string {
    const post = data.post;
    if (!post) throw new Error(`${data.page.inputPath}: the post layout is only for posts`);
    const features = data[PAGE_FEATURES_KEY];
    if (post.kind === "page") return renderDocument(<StandalonePage page={post} content={data.content ?? ""} toc={data.toc} features={features} />);
    return renderDocument(
      <PostPage
        post={post}
        content={data.content ?? ""}
        toc={data.toc}
        features={features}
        series={findSeriesPosition(data.collections.seriesList ?? [], post.url)}
        image={absoluteImageUrl(site, post)}
        {...data.collections.postNeighbours?.get(post.url)}
        related={data.collections.relatedPosts?.get(post.url)}
      />,
    );
  },
};
