// id, groups and whoami for users other than root (the conformance recordings can only show
// root): names from /etc/passwd and /etc/group, supplementary groups from getgroups(2), ids
// without names printed as numbers.

import { describe, expect, it } from 'vitest';
import { runSh } from '../../shell/run-sh.ts';
import { asUser } from './as-user.ts';

const files = {
  '/etc/passwd': 'root:x:0:0:root:/root:/bin/sh\nalice:x:1000:1000:Alice:/home/alice:/bin/sh\nbob:x:1001:1001::/home/bob:/bin/sh\n',
  '/etc/group': 'root:x:0:\nsudo:x:27:alice\nalice:x:1000:\nbob:x:1001:\nstaff:x:50:alice,bob\n',
};
const opts = { files, programs: { asuser: asUser } };

describe('id', () => {
  it('describes a named user from the databases', async () => {
    const r = await runSh('id alice; id -u alice; id -gn alice; id -G alice; id -Gn bob; groups alice bob', opts);
    expect(r.stdout).toBe('uid=1000(alice) gid=1000(alice) groups=1000(alice),27(sudo),50(staff)\n1000\nalice\n1000 27 50\nbob staff\n' +
      'alice : alice sudo staff\nbob : bob staff\n');
  });

  it('describes the calling process, with its supplementary groups', async () => {
    const r = await runSh('asuser 1000 1000,27,50 id; asuser 1000 1000,27 id -Gn; asuser 1000 1000 whoami; asuser 1001 1001,50 groups', opts);
    expect(r.stdout).toBe('uid=1000(alice) gid=1000(alice) groups=1000(alice),27(sudo),50(staff)\nalice sudo\nalice\nbob staff\n');
  });

  it('prints numbers for ids without names, and says so where a name was asked for', async () => {
    const r = await runSh('asuser 4242 4242 id; asuser 4242 4242 id -un; echo $?; asuser 4242 4242 whoami; echo $?', opts);
    expect(r.stdout).toBe('uid=4242 gid=4242 groups=4242\n4242\n1\n1\n');
    expect(r.stderr).toBe('id: cannot find name for user ID 4242\nwhoami: cannot find name for user ID 4242\n');
  });

  it('takes a user id for a user name', async () => {
    const r = await runSh('id 1001; groups 1001; echo $?', opts);
    expect(r.stdout).toBe('uid=1001(bob) gid=1001(bob) groups=1001(bob),50(staff)\n1\n');
    expect(r.stderr).toBe("groups: '1001': no such user\n");
  });
});
