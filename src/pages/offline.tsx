/**
 * `/offline/` (only with `offline: true`): what the service worker shows for a page never read
 * when there is no connection. Kept by the worker at install, so it is there from the first visit.
 */
import { Base } from "../layouts/base.tsx";
import { renderDocument } from "../layouts/render.ts";
import { strings } from "../ui/strings.ts";
import { ARCHIVE_URL, HOME_URL, OFFLINE_URL } from "../urls/site-urls.ts";
import { GENERATED_PAGE, type VirtualTemplate } from "./virtual-template.ts";

export function OfflinePage() {
  return (
    <Base title={strings.offlineTitle} url={OFFLINE_URL} seo={{ noindex: true }}>
      <h1 class="page-title">{strings.offlineTitle}</h1>
      <p class="page-lead">{strings.offlineBody}</p>
      <ul>
        <li><a href={HOME_URL}>{strings.home}</a></li>
        <li><a href={ARCHIVE_URL}>{strings.archive}</a></li>
      </ul>
    </Base>
  );
}

export const offlinePage: VirtualTemplate = {
  data: { ...GENERATED_PAGE, permalink: OFFLINE_URL },
  render: () => renderDocument(<OfflinePage />),
};
