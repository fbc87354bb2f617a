/**
 * The mark `bulletin new` puts in every example text (在此填写文章标题, 在此填写第一段正文。 …), so
 * that an editor — and `check` — finds what is left to replace.
 */
export const PLACEHOLDER = '在此填写';
