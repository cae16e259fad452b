// diff: placeholder while it is written.
import type { Sys } from "../../sys/sys.ts";
export default async function main(sys: Sys): Promise<number> {
  await sys.writeAll(2, "not yet\n");
  return 2;
}
