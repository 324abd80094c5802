/**
 * Builds the sample sites test files share (tests/helpers/sample-site.ts) into the folder given as the
 * only argument; scripts/test.sh runs it once before the test runs and exports the folders.
 */
import { buildSharedSite, SHARED_SITES, type SharedSiteName } from "../tests/helpers/sample-site.ts";

const folder = process.argv[2];
if (!folder) throw new Error("usage: node --import tsx scripts/build-test-sites.ts FOLDER");
for (const name of Object.keys(SHARED_SITES) as SharedSiteName[]) await buildSharedSite(name, folder);
