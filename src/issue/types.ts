/**
 * The issue file as the rest of the pipeline sees it once the schema has accepted it.
 * Mirrors schema/issue.schema.json; keep the two in step.
 */
export interface Issue {
  /** 刊名, printed in the masthead. */
  bulletin: string;
  /** 刊别 label such as 普刊, printed letter-spaced in parentheses. */
  edition?: string;
  /** 期号 within the year. */
  number: number;
  /** 总期号. */
  total?: number;
  /** 编印单位 line. */
  publisher: string;
  /** ISO date YYYY-MM-DD. */
  date: string;
  /** Print a 目录 (default true); false for a one-article issue whose title follows the masthead. */
  toc?: boolean;
  sections: Section[];
  footer?: Footer;
  /** Theme overrides; validated by the theme part of the schema. */
  style?: Record<string, unknown>;
}

export interface Section {
  /** 栏目 name. */
  name: string;
  /** Print the 栏目 header above its articles and briefs (default true). */
  header?: boolean;
  articles?: Article[];
  briefs?: Brief[];
}

export interface Article {
  /** One line, or a list of lines for a title set on two (or more) lines. */
  title: string | string[];
  /** 副题, printed under the title led by ——. */
  subtitle?: string;
  /** 目录 text when it differs from the title. */
  toc?: string;
  body: BodyItem[];
  byline?: string;
}

/** A paragraph (inline `**bold**` allowed) or an in-article sub-heading. */
export type BodyItem = string | SubHeading;

export interface SubHeading {
  heading: string;
  /** 1 = 一、 (黑), 2 = （一） (楷). Inferred from the marker when absent. */
  level?: 1 | 2;
}

export interface Brief {
  body: string[];
  byline?: string;
}

export interface Footer {
  distribution?: Distribution[];
  editor?: string;
  phone?: string;
  notes?: string[];
  copies?: number;
}

export interface Distribution {
  /** 报 / 送 / 发 … */
  label: string;
  to: string[];
}

export function isSubHeading(item: BodyItem): item is SubHeading {
  return typeof item === 'object' && item !== null && 'heading' in item;
}

export function titleLines(article: Article): string[] {
  return typeof article.title === 'string' ? [article.title] : article.title;
}
