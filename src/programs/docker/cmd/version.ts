// docker version: the client's build facts (this program speaks as Docker CLI 28.2.2, API 1.50)
// and the engine's, which is this same program on cowbox: no containerd or runc components,
// since cowbox runs containers itself. -f/--format runs a template over {Client, Server}.

import type { DockerCommand } from '../command.ts';
import { type CliExit, type ParsedFlags, parseCommand } from '../format/cli.ts';
import { FormatError, parseTemplate } from '../format/formatter.ts';
import { finish } from '../format/state.ts';
import { specFor } from '../format/specs.ts';
import { tabwrite } from '../format/tabwriter.ts';
import { TemplateError } from '../format/template.ts';

export interface VersionData {
  Client: Record<string, unknown>;
  Server: Record<string, unknown>;
}

const goArch = (machine: string): string => ({ x86_64: 'amd64', aarch64: 'arm64', i686: '386', armv7l: 'arm' })[machine] ?? machine;

export function versionData(machine: string): VersionData {
  const arch = goArch(machine);
  return {
    Client: { Platform: { Name: '' }, Version: '28.2.2', ApiVersion: '1.50', DefaultAPIVersion: '1.50', GitCommit: 'e6534b4', GoVersion: 'go1.24.3', Os: 'linux', Arch: 'amd64', BuildTime: 'Fri May 30 12:07:14 2025', Context: 'default' },
    Server: {
      Platform: { Name: 'cowbox' },
      Components: [
        {
          Name: 'Engine',
          Version: '28.2.2',
          Details: { ApiVersion: '1.50', Arch: arch, BuildTime: 'Fri May 30 12:07:26 2025', Experimental: 'false', GitCommit: '45873be', GoVersion: 'go1.24.3', MinAPIVersion: '1.24', Os: 'linux' },
        },
      ],
      Version: '28.2.2',
      ApiVersion: '1.50',
      MinAPIVersion: '1.24',
      GitCommit: '45873be',
      GoVersion: 'go1.24.3',
      Os: 'linux',
      Arch: arch,
      BuildTime: 'Fri May 30 12:07:26 2025',
    },
  };
}

export function renderVersion(v: VersionData, flags: ParsedFlags): CliExit {
  const format = flags.str('format');
  if (format) {
    try {
      const text = format === 'json' ? '{{json .}}' : format;
      return { stdout: `${parseTemplate(text, 'template parsing error: ').execute(v)}\n`, status: 0 };
    } catch (e) {
      if (e instanceof FormatError) return { stderr: `${e.message}\n`, status: 1 };
      if (e instanceof TemplateError) return { stderr: `template: ${e.message}\n`, status: 1 };
      throw e;
    }
  }
  const c = v.Client as Record<string, string>;
  const s = v.Server as { Platform: { Name: string }; Components: { Name: string; Version: string; Details: Record<string, string> }[] };
  let out = `Client:\n Version:\t${c.Version}\n API version:\t${c.ApiVersion}\n Go version:\t${c.GoVersion}\n Git commit:\t${c.GitCommit}\n Built:\t${c.BuildTime}\n OS/Arch:\t${c.Os}/${c.Arch}\n Context:\t${c.Context}\n`;
  out += `\nServer:${s.Platform.Name ? ` ${s.Platform.Name}` : ''}\n`;
  for (const comp of s.Components) {
    const d = comp.Details;
    out += ` ${comp.Name}:\n  Version:\t${comp.Version}\n  API version:\t${d.ApiVersion} (minimum version ${d.MinAPIVersion})\n  Go version:\t${d.GoVersion}\n  Git commit:\t${d.GitCommit}\n  Built:\t${d.BuildTime}\n  OS/Arch:\t${d.Os}/${d.Arch}\n  Experimental:\t${d.Experimental}\n`;
  }
  return { stdout: tabwrite(out, 20, 1), status: 0 };
}

const version: DockerCommand = async (ctx) => {
  const flags = parseCommand(specFor(ctx.name, 'version'), ctx.name, ctx.args);
  if (!('values' in flags)) return finish(ctx.sys, flags);
  const u = await ctx.sys.uname();
  return finish(ctx.sys, renderVersion(versionData(u.machine), flags));
};

export default version;
