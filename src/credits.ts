/**
 * Third-party material shipped with the blog and the credit its licence asks for.
 * The footer of every page and the about page render these.
 */
import { interfaceLanguage } from "./ui/strings.ts";

export interface Credit {
  /** What is credited, as shown. */
  work: string;
  author: string;
  source: { label: string; url: string };
  license: { label: string; url: string };
}

export const credits: readonly Credit[] = [
  {
    work: { ko: "“Container Evolution”, “Components of Kubernetes” 다이어그램", en: "“Container Evolution” and “Components of Kubernetes” diagrams" }[interfaceLanguage],
    author: "The Kubernetes Authors",
    source: { label: { ko: "Kubernetes 문서 (kubernetes/website)", en: "Kubernetes documentation (kubernetes/website)" }[interfaceLanguage], url: "https://github.com/kubernetes/website" },
    license: { label: "CC BY 4.0", url: "https://creativecommons.org/licenses/by/4.0/" },
  },
];
