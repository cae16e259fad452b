// The one locale fact programs need: whether the character set is UTF-8 (so bytes past ASCII
// form characters) or the C locale's single bytes. As setlocale(LC_CTYPE, "") decides it: the
// first of LC_ALL, LC_CTYPE and LANG that is set and not empty names the locale.

/** Whether the environment's locale (LC_ALL, else LC_CTYPE, else LANG) is UTF-8. */
export function localeIsUtf8(getenv: (name: string) => string | undefined): boolean {
  const loc = getenv('LC_ALL') || getenv('LC_CTYPE') || getenv('LANG') || '';
  return /utf-?8/i.test(loc);
}
