#!/bin/sh
# serverless.hooks.before-package of the local stage (application-local.yml): puts the stage's demo
# configuration where its spring.config.import reads it, in the cloud the deploy goes to:
# petstore.motto in Parameter Store, petstore.api-key in Secrets Manager. Idempotent: --if-absent
# keeps a value set earlier (say by hand: ./serverless secrets set local petstore.motto).
# A real stage's secrets are set once, by hand or by CI, and never committed like these demo values.
set -e
if [ -z "$AWS_ENDPOINT_URL" ]; then
  # `package` alone reaches no cloud: nothing to seed.
  exit 0
fi
console=../../serverless
printf %s 'Every pet deserves a home' | "$console" secrets set "$SERVERLESS_STAGE" petstore.motto --if-absent \
  --endpoint-url "$AWS_ENDPOINT_URL" --region "$AWS_REGION"
printf %s 'local-demo-key-not-for-production' | "$console" secrets set "$SERVERLESS_STAGE" petstore.api-key \
  --store secrets-manager --if-absent --endpoint-url "$AWS_ENDPOINT_URL" --region "$AWS_REGION"
