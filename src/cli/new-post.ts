/**
 * `npm run new -- "제목" [--slug kubernetes-ingress] [--tags a,b] [--category devops] [--draft] [--posts DIR]`:
 * writes `posts/YYYY-MM-DD-<slug>.md` dated now in the site's time zone, and prints where it is and
 * where the preview shows it. An existing file is never overwritten.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { UsageError, runCommand } from "./args.ts";
import { planNewPost, splitList } from "../authoring/new-post.ts";
import { displayPath } from "../diagnostics/diagnostic.ts";
import { site } from "../site.ts";

const USAGE =
  'usage: npm run new -- "제목" [--slug kubernetes-ingress] [--tags a,b] [--category devops] [--draft] [--posts DIR]';

await runCommand(
  {
    usage: USAGE,
    options: {
      slug: { type: "string" },
      tags: { type: "string" },
      category: { type: "string" },
      draft: { type: "boolean", default: false },
      posts: { type: "string" },
    },
    allowPositionals: true,
  },
  async ({ values, positionals }) => {
    if (positionals.length !== 1) {
      throw new UsageError(positionals.length === 0 ? "missing the title" : `expected one title, got ${positionals.length} words; quote the title`);
    }
    const title = positionals[0]!;
    if (title.trim() === "") throw new UsageError("the title is empty");
    if (values.slug !== undefined && values.slug.trim() === "") throw new UsageError("--slug is empty");

    const plan = planNewPost({
      title,
      slug: values.slug,
      tags: values.tags === undefined ? [] : splitList(values.tags),
      category: values.category,
      draft: values.draft,
      now: new Date(),
      site,
    });
    const postsDir = path.resolve(values.posts ?? process.env.OPSNOTE_POSTS ?? "posts");
    const file = path.join(postsDir, plan.fileName);
    await mkdir(postsDir, { recursive: true });
    try {
      // `wx`: the check for an existing file and the write are one step, so nothing is ever overwritten.
      await writeFile(file, plan.text, { flag: "wx" });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      console.error(`[opsnote] ${displayPath(file)} already exists; left it as it was. Choose another title or --slug.`);
      return 1;
    }
    const port = process.env.PORT ?? "8080";
    const prefix = site.pathPrefix.replace(/\/$/, "");
    console.log(`[opsnote] wrote ${displayPath(file)}`);
    console.log(`[opsnote] preview: http://127.0.0.1:${port}${prefix}${plan.post.url} (run npm start)`);
    return 0;
  },
);
