// The version banner PHP binaries print (php -v, php-fpm -v), from the upstream version of the
// package that installed them: PHP 7 names the 1997-2018 copyright and Zend Engine 3.x, PHP 8 the
// unversioned copyright lines, Zend Engine 4.x and OPcache.

export function phpBanner(version: string, sapi: string): string {
  const [major = '7', minor = '3', patch = '0'] = version.split('.');
  const builds: Record<string, string> = { '7.2': 'Oct  9 2018 15:09:36', '7.3': 'Apr 30 2019 08:37:17', '8.2': 'Nov 25 2024 17:21:51', '8.3': 'Jan 20 2025 10:08:40' };
  const built = builds[`${major}.${minor}`] ?? 'Jan  1 2024 00:00:00';
  if (Number(major) >= 8) {
    return `PHP ${version} (${sapi}) (built: ${built}) (NTS)\nCopyright (c) The PHP Group\nZend Engine v4.${minor}.${patch}, Copyright (c) Zend Technologies\n    with Zend OPcache v${version}, Copyright (c), by Zend Technologies\n`;
  }
  const zend = `3.${minor}.${minor === '2' ? '0' : patch}`;
  return `PHP ${version} (${sapi}) (built: ${built}) ( NTS )\nCopyright (c) 1997-2018 The PHP Group\nZend Engine v${zend}, Copyright (c) 1998-2018 Zend Technologies\n`;
}
