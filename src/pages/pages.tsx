/**
 * The site's generated HTML pages (everything that is not a post), as Eleventy virtual templates.
 * Each page kind lives in its own file: a typed component plus the Eleventy data that places it.
 * Feeds, the sitemap and robots.txt are registered by their own plugins (src/feeds, src/seo).
 */
import { aboutPage } from "./about.tsx";
import { archivePage } from "./archive.tsx";
import { homePage } from "./home.tsx";
import { notFoundPage } from "./not-found.tsx";
import { offlinePage } from "./offline.tsx";
import { site } from "../site.ts";
import { categoryIndexPage, categoryPage, tagIndexPage, tagPage } from "./taxonomy.tsx";
import type { VirtualTemplate } from "./virtual-template.ts";

export type { VirtualTemplate } from "./virtual-template.ts";

/** Virtual path (relative to the posts folder) -> template. */
export const pages: Record<string, VirtualTemplate> = {
  "_opsnote/pages/home.11ty.js": homePage,
  "_opsnote/pages/tags.11ty.js": tagIndexPage,
  "_opsnote/pages/tag.11ty.js": tagPage,
  "_opsnote/pages/categories.11ty.js": categoryIndexPage,
  "_opsnote/pages/category.11ty.js": categoryPage,
  "_opsnote/pages/archive.11ty.js": archivePage,
  "_opsnote/pages/about.11ty.js": aboutPage,
  "_opsnote/pages/404.11ty.js": notFoundPage,
  ...(site.offline ? { "_opsnote/pages/offline.11ty.js": offlinePage } : {}),
};
