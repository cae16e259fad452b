// hostname and uname read the simulated machine's UTS namespace; root may rename it, others
// may not. (The real machine's name is not the simulator's, so these are not recordings.)

import { describe, expect, it } from 'vitest';
import { runSh } from '../../shell/run-sh.ts';
import { asUser } from './as-user.ts';

describe('hostname', () => {
  it('prints the node name uname(2) gives', async () => {
    const r = await runSh('hostname; uname -n');
    expect(r.stdout).toBe('cowbox\ncowbox\n');
  });

  it('lets root set the name; -s cuts it at the first dot', async () => {
    const r = await runSh('hostname web.example.org; echo $?; hostname; hostname -s; uname -n');
    expect(r.stdout).toBe('0\nweb.example.org\nweb\nweb.example.org\n');
  });

  it('refuses other users and bad names', async () => {
    const r = await runSh('asuser 1000 1000 hostname other; echo $?; hostname -- -bad-; echo $?; hostname', { programs: { asuser: asUser } });
    expect(r.stdout).toBe('1\n1\ncowbox\n');
    expect(r.stderr).toBe('hostname: you must be root to change the host name\nhostname: the specified hostname is invalid\n');
  });

  it('sets the name from a file with -F, skipping comments', async () => {
    const r = await runSh('hostname -F /etc/hostname; hostname', { files: { '/etc/hostname': '# the name\n\nbox1\n' } });
    expect(r.stdout).toBe('box1\n');
  });

  it('resolves -f, -d and -i through /etc/hosts', async () => {
    const hosts = '127.0.0.1\tlocalhost\n127.0.1.1\tcowbox.lab.example cowbox\n';
    const r = await runSh('hostname -f; hostname -d; hostname -i', { files: { '/etc/hosts': hosts } });
    expect(r.stdout).toBe('cowbox.lab.example\nlab.example\n127.0.1.1 \n');
    const none = await runSh('hostname -f');
    expect(none.stderr).toBe('hostname: Name or service not known\n');
    expect(none.status).toBe(1);
  });
});

describe('uname', () => {
  it('reports the simulated kernel', async () => {
    const r = await runSh('uname; uname -r; uname -m; uname -o; uname -a; uname -snrvmpio');
    expect(r.stdout).toBe('Linux\n6.18.44-cowbox\nx86_64\nGNU/Linux\n' +
      'Linux cowbox 6.18.44-cowbox #1 SMP PREEMPT_DYNAMIC x86_64 GNU/Linux\n' +
      'Linux cowbox 6.18.44-cowbox #1 SMP PREEMPT_DYNAMIC x86_64 unknown unknown GNU/Linux\n');
  });
});
