/**
 * Share links as plain URLs of each network's share page: no third-party script, no tracking
 * pixel, nothing loaded until the reader clicks. The post's absolute URL (path prefix included)
 * and its title go in the query.
 */

export interface ShareLink {
  /** Stable key, also the CSS modifier: `share__link--x`. */
  network: "x" | "facebook" | "linkedin";
  /** As shown. */
  label: string;
  href: string;
}

/** X, Facebook and LinkedIn share URLs for a page at the absolute `url` titled `title`. */
export function shareLinks(url: string, title: string): ShareLink[] {
  const query = (params: Record<string, string>) => new URLSearchParams(params).toString();
  return [
    { network: "x", label: "X", href: `https://x.com/intent/tweet?${query({ text: title, url })}` },
    { network: "facebook", label: "Facebook", href: `https://www.facebook.com/sharer/sharer.php?${query({ u: url })}` },
    { network: "linkedin", label: "LinkedIn", href: `https://www.linkedin.com/sharing/share-offsite/?${query({ url })}` },
  ];
}
