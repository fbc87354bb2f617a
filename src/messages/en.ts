/**
 * The English message catalogue: id → message text and hint, `{name}` for a parameter. Only
 * text lives here; the code that finds a problem names the id and supplies the parameters.
 * A translation is an object with the same ids (catalogue.ts, useCatalogue).
 */

interface Entry {
  message: string;
  hint?: string;
}

const entries = {
  // ---- YAML traps in pasted text (src/issue/traps.ts) ---------------------------------------
  'colon-in-text': {
    message: 'a half-width colon and a space (": ") in the {field}: YAML reads “{before}” as a field name here and cuts the {field} in two',
    hint: 'Chinese text takes the full-width colon ： (no space after it); or put the whole {field} in quotes. --fix does this',
  },
  'comment-in-text': {
    message: '“{lost}” is left out of the {field}: YAML reads a # after a space as the start of a comment',
    hint: 'put the whole {field} in quotes (--fix does this when it is certain); if it is a note to yourself, move it to a line of its own',
  },
  'comment-in-text.start': {
    message: 'the {field} starts with #, which YAML reads as a comment: “{lost}” is not printed and the {field} is empty',
    hint: 'put the whole {field} in quotes; --fix does this for a hashtag such as #西湖代表通#',
  },
  'text-start.alias': {
    message: 'the {field} starts with {mark}, which YAML reads as a reference to another value (an alias), not as text',
    hint: 'put the whole {field} in quotes: \'**上城区人大常委会**召开…\' (--fix does this); the ** still mark bold',
  },
  'text-start.anchor': {
    message: 'the {field} starts with &, which YAML reads as a name for the value (an anchor): the text after it is lost',
    hint: 'put the whole {field} in quotes; --fix does this',
  },
  'text-start.tag': {
    message: 'the {field} starts with !, which YAML reads as a type tag, not as text',
    hint: 'put the whole {field} in quotes, or write the full-width ！; --fix quotes it',
  },
  'text-start.directive': {
    message: 'the {field} starts with %, which YAML keeps for its own directives',
    hint: 'put the whole {field} in quotes; --fix does this',
  },
  'text-start.reserved': {
    message: 'the {field} starts with {mark}, a character YAML does not allow at the start of unquoted text',
    hint: 'put the whole {field} in quotes; --fix does this',
  },
  'text-start.comma': {
    message: 'the {field} starts with a half-width comma, which YAML does not allow at the start of unquoted text',
    hint: 'delete the comma or write the full-width ，; or put the whole {field} in quotes (--fix quotes it)',
  },
  'text-start.block': {
    message: 'the {field} starts with {mark}, which YAML reads as the start of a block of text on the lines below',
    hint: 'put the whole {field} in quotes; --fix does this',
  },
  'text-start.dash': {
    message: 'the {field} starts with “- ”, which YAML reads as a list inside the {field} (a bullet pasted from a Word list?)',
    hint: 'delete the “- ”, or put the whole {field} in quotes to print it (--fix quotes it)',
  },
  'text-start.key': {
    message: 'the {field} starts with “{mark} ”, which YAML reads as a field name',
    hint: 'put the whole {field} in quotes; --fix does this',
  },
  'text-start.list': {
    message: 'the {field} starts with [, which YAML reads as the start of a list, not as text',
    hint: 'write the full-width 【 】 or 〔 〕, or put the whole {field} in quotes (--fix quotes it)',
  },
  'text-start.mapping': {
    message: 'the {field} starts with {, which YAML reads as the start of a set of fields, not as text',
    hint: 'put the whole {field} in quotes; --fix does this',
  },
  'text-start.double-quote': {
    message: 'the {field} starts with a quotation mark ", so YAML takes “{kept}” as the whole {field} and cannot read the text after the second "',
    hint: 'put the whole {field} in single quotes: \'"代表联络站+"让民意…\' — --fix does this and sets the quotation marks as “ ”',
  },
  'text-start.unclosed': {
    message: 'the {field} starts with a quotation mark {mark} that is never closed, so YAML reads the lines after it as part of a quotation',
    hint: 'put the whole {field} in the other kind of quotes; --fix does this and sets the quotation mark as “',
  },
  'text-start.single-quote': {
    message: 'the {field} starts with a quotation mark \', so YAML takes “{kept}” as the whole {field} and cannot read the text after the second \'',
    hint: 'put the whole {field} in double quotes: "\'三难\'问题…" — --fix does this and sets the quotation marks as “ ”',
  },
  'block-paragraphs.list': {
    message: 'the body is written as one {mark} block ({count} paragraph(s)); the format wants a list: one “- ” item per {field}',
    hint: '--fix writes each paragraph as its own “- ” item',
  },
  'block-paragraphs.item': {
    message: 'this {mark} block holds {count} paragraphs separated by blank lines, but is one {field}: they would print run together',
    hint: '--fix writes each paragraph as its own “- ” item',
  },
  'tab-indent': {
    message: 'a tab indents this line{more}: YAML indents with spaces only',
    hint: 'replace each tab with spaces, lining the line up with the lines it belongs with{fix}',
  },
  'tab-indent.more': { message: ' and {count} more ({lines})' },
  'tab-indent.line': { message: 'line {list}' },
  'tab-indent.lines': { message: 'lines {list}' },
  'tab-indent.fix': { message: '; --fix does this' },

  // ---- YAML's own errors, reworded (src/issue/yaml-problems.ts) -----------------------------
  'yaml.unexpected': {
    message: 'YAML cannot read the rest of this line: the text before it already ends the value',
    hint: 'if the whole line is text, put it in quotes',
  },
  'yaml.bad-start': {
    message: 'this value starts with {mark}, which YAML does not allow at the start of unquoted text',
    hint: 'put the whole value in quotes',
  },
  'yaml.bad-escape': {
    message: 'a backslash in double-quoted text starts an escape YAML does not know',
    hint: 'write \\\\ for a backslash, or put the text in single quotes instead',
  },
  'yaml.indent': {
    message: 'this line is not indented like the lines it belongs with',
    hint: 'line it up with its siblings (the same number of spaces as the key or “- ” above it that it belongs with)',
  },
  'yaml.flow-unclosed': {
    message: 'a {open} … {close} above is not closed with {close} before this line (or this line is not indented enough)',
  },
  'yaml.key-lines': {
    message: 'a field name runs over more than one line, or a value is missing its “key: ” here',
    hint: 'check the line above: a text that goes on over several lines must be indented more than its key',
  },
  'yaml.block-in-flow': {
    message: 'a “- ” list or “key: ” line cannot stand inside [ … ] or { … }',
    hint: 'write the list either in brackets, [a, b], or as “- ” lines, not both',
  },
  'yaml.anchors': {
    message: 'this value has two names (anchors) or two type tags; YAML allows one of each',
  },
  'yaml.props': {
    message: 'a name (&) or type tag (!) here is in the wrong place',
    hint: 'issue files need neither; if it is text, put the whole text in quotes',
  },
  'yaml.key-type': {
    message: 'a list or mapping is used as a field name here',
    hint: 'field names are plain words such as title: or body:',
  },
  'yaml.key-long': {
    message: 'a field name longer than 1,024 characters: a “key: ” was probably not meant here',
    hint: 'if the line is text, put it in quotes',
  },
  'yaml.directive': {
    message: 'a line starting with % is a YAML directive, which issue files do not use',
    hint: 'delete the line, or put the text in quotes',
  },
  'yaml.item-without-dash': {
    message: 'this line stands among the items of a list but has no “- ” in front of it',
    hint: 'start it with “- ” if it is a new item, or indent it like the text it continues',
  },
  'yaml.implicit-key': {
    message: 'YAML expects a “key: value” line here, but finds text',
    hint: 'if the line continues the text above, indent it further; if it is a new item, start it with “- ”',
  },
  'yaml.alias-bad': {
    message: 'an empty or malformed name after & or * here',
    hint: 'issue files need no anchors or aliases; if it is text, put the whole text in quotes',
  },
  'yaml.alias-expand': {
    message: 'the values the file’s aliases (*name) stand for cannot be written out',
    hint: 'issue files need no aliases: write the values out instead',
  },
  'yaml.missing-char': {
    message: 'YAML expected another character here (a closing bracket, a quote, or a blank after a “-” or “:”)',
  },
  'yaml.other': {
    message: 'YAML cannot read the file here',
    hint: 'look for a misplaced quote, bracket or colon on this line; text with such marks can be put in quotes',
  },

  // ---- encodings (src/issue/load.ts, src/issue/encoding.ts) ---------------------------------
  'encoding.gb18030': {
    message: 'the file is saved in the Chinese GBK/GB18030 encoding (what Notepad and WPS call “ANSI”), not UTF-8',
    hint: '--fix saves it as UTF-8 without changing a character; in an editor, choose “Save as … encoding UTF-8”',
  },
  'encoding.utf-16': {
    message: 'the file is saved as UTF-16 text (what Notepad calls “Unicode”), not UTF-8',
    hint: '--fix saves it as UTF-8 without changing a character; in an editor, choose “Save as … encoding UTF-8”',
  },
  'encoding.damaged': {
    message: 'the file is not valid UTF-8 text here ({count} damaged character(s)), and not GBK or UTF-16 either',
    hint: 'open it where it came from and save it as UTF-8; --fix does not touch it, so nothing more is lost',
  },

  // ---- lint rules --------------------------------------------------------------------------
  'quote-style.outer-single': {
    message: 'single quotes ‘…’ at the outer level: Chinese text takes “…” outside and ‘…’ only inside them',
  },
  'placeholder': {
    message: 'the {field} still holds the example text “{text}” that bulletin new wrote',
    hint: 'replace it with the real text, or delete the example item',
  },
  'title-punct': {
    message: 'a {field} takes no {mark} at its end (titles and headings end without 。：；，)',
    hint: '--fix removes it; ？ and ！ may end a title',
  },
  'paste-debris': {
    message: '{name} ({code}) in the text: {effect}',
  },
  'paste-debris.entity': {
    message: '{name} in the text: {effect}',
  },
  'paste-debris.remove': { message: '--fix removes it' },
  'paste-debris.space': { message: '--fix replaces it with an ordinary space' },
  'paste-debris.character': { message: '--fix writes {character} in its place' },
  'paste-debris.retype': { message: 'retype the character that was meant here' },
  'debris.line-separator': { message: 'Word soft line break', hint: 'a line break pasted from Word (Shift+Enter); it would print as a box or nothing' },
  'debris.paragraph-separator': { message: 'Word paragraph break', hint: 'a paragraph mark pasted from Word; if two paragraphs were meant, give each its own “- ” item' },
  'debris.zero-width': { message: 'invisible zero-width character', hint: 'pasted with text from a web page or WeChat; it prints as nothing or a box' },
  'debris.direction': { message: 'invisible text-direction mark', hint: 'pasted with text from a web page or WeChat; it prints as nothing or a box' },
  'debris.byte-order': { message: 'byte-order mark', hint: 'an invisible mark left inside the text where two files were joined; it prints as nothing or a box' },
  'debris.html-entity': { message: 'web page code {entity}', hint: 'HTML code copied with the text of a web page instead of the character it stands for' },
  'debris.no-break-space': { message: 'no-break space', hint: 'a space pasted from Word or a web page; the typesetter spaces the text itself' },
  'debris.soft-hyphen': { message: 'soft hyphen', hint: 'an invisible hyphenation point pasted from Word' },
  'debris.symbol-bullet': { message: 'Word list bullet', hint: 'a bullet from a Word list, in Word’s private Symbol-font code; no font prints it' },
  'debris.symbol-char': { message: 'Word Symbol-font character', hint: 'a character in Word’s private Symbol-font code; no font here prints it' },
  'debris.ideographic-indent': { message: 'full-width space indent', hint: 'the typesetter indents every paragraph itself' },
  'debris.object': { message: 'embedded-object placeholder', hint: 'left where a picture or object was in the copied text; it prints as a box' },
  'debris.replacement': { message: 'replacement character �', hint: 'a character lost in an earlier copy or conversion' },

  // ---- what --fix did (its list of changes) ------------------------------------------------
  'change.colon': { message: 'wrote the full-width colon ： in the {field}' },
  'change.quoted': { message: 'put the {field} in quotes' },
  'change.split': { message: 'wrote the {count} paragraph(s) of the {mark} block as “- ” items' },
  'change.tabs': { message: 'replaced the tabs indenting {count} line(s) with spaces' },
  'change.encoding': { message: 'saved as UTF-8 (it was {from})' },
  'change.line': { message: 'line {line}: {change} ({code})' },

  // ---- the summary and notes of `bulletin check` -------------------------------------------
  'summary.fixable': { message: '{fixable} of {total} can be repaired with --fix' },
  'summary.not-checked': { message: '{rule} not checked: fix the errors above first' },
  'summary.dry-run': { message: '--dry-run: nothing was written' },
  'summary.dry-run-left': { message: '--dry-run: nothing was written; the problems above are those the changes would leave' },
  'check.stdin-fix': { message: '--fix cannot rewrite standard input; use --fix --dry-run to see the changes' },
  'check.dry-run-alone': { message: '--dry-run goes with --fix (bulletin check --fix --dry-run FILE)' },
  'check.would-fix': { message: 'would fix {file}:' },

  // ---- fonts by name, collections, missing font files (src/style/families.ts, src/font) -------
  'font.family-not-found': {
    message: 'no font named “{name}” is installed on this computer (looked through {where}){near}',
    hint: 'install the font, or give its file instead (file: path/to/font.ttf); bulletin fonts lists the faces each role uses',
  },
  'font.family-near': { message: '; installed fonts with a similar name: {names}' },
  'font.collection-needs-face': {
    message: '{file} holds {count} faces; say which one with `face:` — {faces}',
    hint: 'e.g. face: {example}',
  },
  'font.file-not-found': { message: 'font file not found: {file}' },
  'font.file-near': { message: '; did you mean {near}?' },
  'font.file-not-found-hint': { message: 'bulletin fonts lists the faces each role uses; a font installed on this computer can be named by its family instead of a file (family: 仿宋_GB2312)' },
  'font-fallback': {
    message: '{char} in {element} is printed in {fallback}, a fallback: {face}, the face of the text around it, has no glyph for it{times}',
    hint: 'the character comes out in another typeface than its neighbours; give this text a face that has it (bulletin fonts FILE shows which face draws which character), or accept it: `font-fallback: off` under `rules:` in bulletin.config.yaml, or `# bulletin-disable-next-line font-fallback` on the line above',
  },
  'font-fallback.times': { message: ' ({count} times in this text)' },
  // ---- suppression comments in issue files (src/check/suppress.ts) ---------------------------
  'suppression.unknown-rule': {
    message: '“{id}” is not a rule id bulletin knows, so this comment silences nothing',
    hint: 'the ids are the names in brackets at the end of each problem, e.g. [font-fallback]',
  },
  'suppression.unknown-rule-near': {
    message: '“{id}” is not a rule id bulletin knows (did you mean {meant}?), so this comment silences nothing',
    hint: 'write {meant}',
  },
  'suppression.guard': {
    message: '{id} cannot be silenced: build refuses an issue with this problem, whatever a comment says',
    hint: 'correct the text (or the theme) instead',
  },
  'suppression.no-rule': {
    message: '“# {directive}” names no rule to silence',
    hint: 'name the rules after it, e.g. # {directive} font-fallback, quote-style',
  },
  'suppression.unknown-directive': {
    message: '“{word}” is not a bulletin comment; did you mean {meant}?',
    hint: 'bulletin reads # bulletin-disable-next-line RULE (the next line) and # bulletin-disable RULE (the whole file)',
  },
  'unused-suppression': {
    message: 'this comment silences {id} on line {line}, but {id} finds nothing there',
    hint: 'delete the rule from the comment (or the comment) if the problem is gone',
  },
  'unused-suppression.file': {
    message: 'this comment silences {id} in the whole file, but {id} finds nothing in it',
    hint: 'delete the rule from the comment (or the comment) if the problem is gone',
  },

  'theme.builtin-name': { message: 'the built-in theme {name}' },
  'theme.role-name': {
    message: '“{name}” cannot name a font role: a role’s name is Latin letters, digits, - and _, starting with a letter',
    hint: 'name the role in Latin letters and give the font’s own name as its value, e.g. fangsong: {name}',
  },
  'theme.color-name': {
    message: '“{name}” cannot name a colour: a colour’s name is Latin letters, digits, - and _, starting with a letter',
    hint: 'e.g. red2: [0, 100, 100, 0]',
  },
  'theme.key-name': { message: '“{name}” cannot be a key of `{container}`' },

  // ---- the project config, bulletin.config.yaml (src/app/config.ts) ------------------------
  'config.unknown-rule': { message: '“{id}” is not a rule id bulletin knows', hint: 'the ids are the names in brackets at the end of each problem, e.g. [font-fallback]; all of them are listed in schema/config.schema.json' },
  'config.unknown-rule-near': { message: '“{id}” is not a rule id bulletin knows — did you mean {meant}?', hint: 'write {meant}' },
  'config.guard-rule': {
    message: '{id} stays an error: build refuses an issue with this problem, so it cannot be set to {level}',
    hint: 'leave it out of `rules` (or set it to error)',
  },
  'config.theme-unreadable': { message: 'the theme this config names cannot be read: {reason}', hint: 'give a theme file relative to this config, or a built-in theme: {builtins}' },
  'config.has-errors': { message: 'the config {file} has errors; fix them, or run with --no-config to leave it out' },
  'config.theme-has-errors': { message: 'theme file {theme}, named in {file}, has errors' },
  'config.unreadable': { message: 'cannot read the config {file}: {reason}' },
  'config.too-large': { message: 'cannot read the config {file}: it is larger than {limit} MB, too large for a config (a config is a few lines) — is it the right file?' },
  'config.used': { message: 'config: {file}' },
  'option.config': { message: 'use this config instead of the nearest bulletin.config.yaml' },
  'option.no-config': { message: 'use no bulletin.config.yaml' },
  'option.check-theme': { message: 'theme file (YAML or JSON) or built-in theme (gongwen) to check glyphs and title lengths against, as for build' },
  'files.no-match': { message: 'no issue files (.yaml, .yml) match {pattern}' },
  'build.output-dir': { message: 'cannot make the output directory {dir} that {file} names: {reason}' },

  'font.role-without-font': { message: 'font role "{role}" names no font: give `file` (a font file) or `family` (an installed font’s name)' },
} satisfies Record<string, Entry>;

export type MessageId = keyof typeof entries;

export const EN: Readonly<Record<MessageId, Entry>> = entries;
