/**
 * The commands that set `forecast` up in a Google Cloud project and deploy the weekly function,
 * in order, as shell lines (`npm run -s deploy:commands -- --project P --region R` prints them;
 * docs/deploy.md shows them for my-project / europe-west1). Pure: the same options give the same text.
 */
export interface DeployOptions {
  readonly project: string;
  /** Region of the function, the scheduler job, the buckets and (by default) the dataset. */
  readonly region: string;
  /** BigQuery location of the dashboard dataset (a region, or EU / US). */
  readonly bqLocation?: string;
  /** Function timeout in seconds (the run's deadline is this minus 5 s). */
  readonly timeoutSec?: number;
  /** Cron schedule and time zone of the weekly run. */
  readonly schedule?: string;
  readonly timeZone?: string;
}

const NAME = /^[a-z][a-z0-9-]{4,28}[a-z0-9]$/;
const REGION = /^[a-z]+-[a-z]+\d+$/;

/** The option errors, one line each; empty when the options are usable. */
export function deployProblems(o: DeployOptions): string[] {
  const problems: string[] = [];
  if (!NAME.test(o.project)) problems.push(`--project '${o.project}' is not a project id (6-30 lower-case letters, digits, hyphens)`);
  if (!REGION.test(o.region)) problems.push(`--region '${o.region}' is not a region like europe-west1`);
  if (o.bqLocation !== undefined && !REGION.test(o.bqLocation) && !['EU', 'US'].includes(o.bqLocation))
    problems.push(`--bq-location '${o.bqLocation}' is not a region, EU or US`);
  if (o.timeoutSec !== undefined && !(Number.isInteger(o.timeoutSec) && o.timeoutSec >= 10 && o.timeoutSec <= 540))
    problems.push('--timeout must be whole seconds from 10 to 540 (Pub/Sub-triggered functions)');
  return problems;
}

/** The setup and deploy script, as the lines of a bash script. */
export function deployCommands(o: DeployOptions): string[] {
  const timeout = o.timeoutSec ?? 60;
  const env = [
    'FORECAST_CONFIG=gs://$CONFIG_BUCKET/pipeline.json',
    'FORECAST_EVENT_MARKERS=gs://$OUT_BUCKET/_events',
    'FORECAST_EVENT_MAX_AGE=2h',
    'GOOGLE_CLOUD_PROJECT=$PROJECT',
    `FUNCTION_TIMEOUT_SEC=${timeout}`,
  ].join(',');
  return [
    '#!/usr/bin/env bash',
    '# forecast: set up the project and deploy the weekly Cloud Function (run from the repository root).',
    'set -euo pipefail',
    `PROJECT=${o.project}`,
    `REGION=${o.region}`,
    `BQ_LOCATION=${o.bqLocation ?? o.region}`,
    'CONFIG_BUCKET=$PROJECT-forecast-config OUT_BUCKET=$PROJECT-forecast-out',
    'RUNNER=forecast-runner@$PROJECT.iam.gserviceaccount.com TRIGGER=forecast-trigger@$PROJECT.iam.gserviceaccount.com',
    'PROJECT_NUMBER=$(gcloud projects describe $PROJECT --format="value(projectNumber)")',
    'DEPLOYER=$(gcloud config get-value account)',
    '',
    '# 1. The APIs the function, its build, its trigger and its schedule use.',
    'gcloud services enable cloudfunctions.googleapis.com run.googleapis.com cloudbuild.googleapis.com artifactregistry.googleapis.com \\',
    '  eventarc.googleapis.com pubsub.googleapis.com cloudscheduler.googleapis.com bigquery.googleapis.com storage.googleapis.com \\',
    '  logging.googleapis.com iam.googleapis.com --project $PROJECT',
    '',
    '# 2. Buckets (config; outputs, markers and the lock) and the dashboard dataset, in their locations.',
    'gcloud storage buckets create gs://$CONFIG_BUCKET gs://$OUT_BUCKET --project $PROJECT --location $REGION --uniform-bucket-level-access',
    'bq --project_id=$PROJECT mk --dataset --location=$BQ_LOCATION $PROJECT:dashboard',
    '',
    '# 3. The runtime service account and its least-privilege roles (source datasets: add dataViewer on each).',
    'gcloud iam service-accounts create forecast-runner --project $PROJECT --display-name "forecast weekly run"',
    'gcloud storage buckets add-iam-policy-binding gs://$CONFIG_BUCKET --member serviceAccount:$RUNNER --role roles/storage.objectViewer',
    'gcloud storage buckets add-iam-policy-binding gs://$OUT_BUCKET --member serviceAccount:$RUNNER --role roles/storage.objectUser',
    'gcloud projects add-iam-policy-binding $PROJECT --member serviceAccount:$RUNNER --role roles/bigquery.jobUser --condition None',
    'gcloud projects add-iam-policy-binding $PROJECT --member serviceAccount:$RUNNER --role roles/logging.logWriter --condition None',
    'bq add-iam-policy-binding --member=serviceAccount:$RUNNER --role=roles/bigquery.dataEditor $PROJECT:dashboard',
    '',
    '# 4. The trigger service account; the deployer may act as both accounts (iam.serviceAccountUser).',
    'gcloud iam service-accounts create forecast-trigger --project $PROJECT --display-name "forecast Pub/Sub trigger"',
    'for SA in $RUNNER $TRIGGER; do',
    '  gcloud iam service-accounts add-iam-policy-binding $SA --project $PROJECT --member user:$DEPLOYER --role roles/iam.serviceAccountUser',
    'done',
    '# Pub/Sub mints the push tokens of the trigger account (needed on projects made before April 2021).',
    'gcloud iam service-accounts add-iam-policy-binding $TRIGGER --project $PROJECT \\',
    '  --member serviceAccount:service-$PROJECT_NUMBER@gcp-sa-pubsub.iam.gserviceaccount.com --role roles/iam.serviceAccountTokenCreator',
    '',
    '# 5. The topic and the config (edit pipeline.json first: sources, outDir gs://$OUT_BUCKET/weekly, publish).',
    'gcloud pubsub topics create forecast-weekly --project $PROJECT',
    'gcloud storage cp pipeline.json gs://$CONFIG_BUCKET/pipeline.json',
    '',
    '# 6. The function: Node 22, retried on failure (the handler acknowledges what can never succeed).',
    'gcloud functions deploy forecast-weekly --gen2 --project $PROJECT --region $REGION \\',
    '  --runtime nodejs22 --entry-point forecastPubsub --source . \\',
    '  --trigger-topic forecast-weekly --trigger-service-account $TRIGGER --retry \\',
    `  --memory 4GiB --cpu 2 --timeout ${timeout}s --max-instances 1 \\`,
    '  --service-account $RUNNER \\',
    `  --set-env-vars ${env}`,
    '',
    '# 7. The trigger account may invoke the function (roles/run.invoker on its Cloud Run service).',
    'gcloud functions add-invoker-policy-binding forecast-weekly --project $PROJECT --region $REGION --member serviceAccount:$TRIGGER',
    '',
    '# 8. Cloud Scheduler publishes the weekly message; its service agent may publish to the topic.',
    'gcloud pubsub topics add-iam-policy-binding forecast-weekly --project $PROJECT \\',
    '  --member serviceAccount:service-$PROJECT_NUMBER@gcp-sa-cloudscheduler.iam.gserviceaccount.com --role roles/pubsub.publisher',
    `gcloud scheduler jobs create pubsub forecast-weekly --project $PROJECT --location $REGION \\`,
    `  --schedule '${o.schedule ?? '0 6 * * MON'}' --time-zone '${o.timeZone ?? 'Europe/Madrid'}' --topic forecast-weekly --message-body '{}'`,
  ];
}
