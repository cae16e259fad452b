// php, the command line: the version of the package that installed it, and the small part of
// PHP cowbox runs (text outside the tags, echo and print of literals), refusing the rest.

import { describe, expect, it } from 'vitest';
import { runSh } from '../../shell/run-sh.ts';
import { DAEMON_TEST_PROGRAMS, ENV } from './helpers.ts';

const run = (script: string) => runSh(script, { programs: DAEMON_TEST_PROGRAMS, env: ENV });
const UBI = 'lay-image ubi8 && yum --disableplugin=subscription-manager -y -q module enable php:7.3 && yum --disableplugin=subscription-manager -y -q install php-cli';

describe('php', () => {
  it('prints the version of the stream that was installed', async () => {
    const r = await run(`${UBI}; php -v`);
    expect(r.stdout).toBe('PHP 7.3.5 (cli) (built: Apr 30 2019 08:37:17) ( NTS )\nCopyright (c) 1997-2018 The PHP Group\nZend Engine v3.3.5, Copyright (c) 1998-2018 Zend Technologies\n');
  });

  it('runs echo and print of literals, and prints text outside the tags', async () => {
    const r = await run(`${UBI}; php -r 'echo "x", "y" . PHP_EOL; print("z\\n");'
printf '<h1>Hi</h1>\\n<?php echo "from php\\n"; ?>\\nafter\\n<?= "short" ?>\\n\\n' > /tmp/i.php; php /tmp/i.php; php -l /tmp/i.php`);
    expect(r.stdout).toBe('xy\nz\n<h1>Hi</h1>\nfrom php\nafter\nshort\nNo syntax errors detected in /tmp/i.php\n');
  });

  it('says plainly what it cannot run', async () => {
    const r = await run(`${UBI}; php -r '$a = 1; echo $a;'; echo "status=$?"; php /nonexistent; echo "status=$?"`);
    expect(r.stderr).toBe("php: cowbox's php runs only echo and print of literal strings; it cannot run: $a = 1\n");
    expect(r.stdout).toBe('status=255\nCould not open input file: /nonexistent\nstatus=1\n');
  });
});
