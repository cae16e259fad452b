// What a sandbox's terminal starts with, from its `image` attribute, in one place so the docs and
// the element agree: no image (or "host") is a login shell on the machine itself; any other name
// is a container of that image, started as a learner would start it:
//
//   image="alpine"  ->  docker run -it --rm alpine sh
//
// The container runs on the sandbox's own machine, so its engine's files, layers and cgroups can
// be looked at there like everything else.

export const HOST_IMAGE = 'host';

/** Image references as docker accepts them (name[:tag][@digest]); anything else is refused. */
const IMAGE_RE = /^[a-z0-9][a-z0-9._/-]*(?::[\w][\w.-]*)?(?:@sha256:[0-9a-f]{64})?$/i;

export type ImageChoice =
  | { kind: 'host' }
  | { kind: 'container'; image: string; argv: string[] }
  | { kind: 'invalid'; image: string };

export function chooseImage(attribute: string | null): ImageChoice {
  const image = (attribute ?? '').trim();
  if (image === '' || image === HOST_IMAGE) return { kind: 'host' };
  if (!IMAGE_RE.test(image)) return { kind: 'invalid', image };
  return { kind: 'container', image, argv: ['docker', 'run', '-it', '--rm', image, 'sh'] };
}

/** A short name for the sandbox's label: "host shell" or the image. */
export function imageTitle(choice: ImageChoice): string {
  return choice.kind === 'host' ? 'host shell' : choice.image;
}
