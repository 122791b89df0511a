import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { deployCommands, deployProblems, type DeployOptions } from './commands.js';

/**
 * `npm run -s deploy:commands -- --project P --region R [--bq-location L] [--timeout S]
 * [--schedule CRON] [--time-zone TZ]`: print the setup and deploy script (pipe it to bash to
 * run it). Exit 2 naming each bad option.
 */
export function main(argv: string[] = process.argv.slice(2), out: NodeJS.WritableStream = process.stdout, err: NodeJS.WritableStream = process.stderr): number {
  let o: DeployOptions;
  try {
    const { values } = parseArgs({
      args: argv,
      options: {
        project: { type: 'string' },
        region: { type: 'string' },
        'bq-location': { type: 'string' },
        timeout: { type: 'string' },
        schedule: { type: 'string' },
        'time-zone': { type: 'string' },
      },
    });
    o = {
      project: values.project ?? '',
      region: values.region ?? '',
      bqLocation: values['bq-location'],
      timeoutSec: values.timeout === undefined ? undefined : Number(values.timeout),
      schedule: values.schedule,
      timeZone: values['time-zone'],
    };
  } catch (e) {
    err.write(`deploy:commands: ${(e as Error).message}\n`);
    return 2;
  }
  const problems = deployProblems(o);
  if (problems.length) {
    err.write(problems.map((p) => `deploy:commands: ${p}\n`).join(''));
    return 2;
  }
  out.write(deployCommands(o).join('\n') + '\n');
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.exitCode = main();
