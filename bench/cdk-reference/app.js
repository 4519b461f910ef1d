// The bench's same-run reference workload: an AWS CDK synth of a blueprint equivalent to the synthetic mesh's,
// about 8 CloudFormation resources a product (bucket + its TLS-only policy, KMS key, Glue table, Lake Formation
// permission, IAM role + its policy, CloudWatch alarm, SNS topic: 9), one stack per domain, default validation.
// Run as: node app.js <domains> <products> <outdir>, with aws-cdk-lib resolvable (bench/plan-bench.ts installs it).
"use strict";
const cdk = require("aws-cdk-lib");
const { aws_s3: s3, aws_kms: kms, aws_glue: glue, aws_lakeformation: lf, aws_iam: iam, aws_cloudwatch: cw, aws_cloudwatch_actions: actions, aws_sns: sns } = cdk;

const [domains, products, outdir] = [Number(process.argv[2]), Number(process.argv[3]), process.argv[4]];
const COLUMNS = ["customer_id:string", "email:string", "amount:decimal(12,2)", "currency:string", "quantity:int", "status:string", "country_code:string", "updated_at:timestamp"];

const app = new cdk.App({ outdir });
for (let d = 0; d < domains; d++) {
  const domain = `domain${d}`;
  const stack = new cdk.Stack(app, `${domain}-dev`, { env: { account: "111111111111", region: "eu-west-1" } });
  const database = `${domain}_dev`;
  for (let p = d; p < products; p += domains) {
    const name = `product${p}`;
    const product = stack;
    const key = new kms.Key(product, `${name}-key`, { enableKeyRotation: true, description: `${domain}/${name} data` });
    const bucket = new s3.Bucket(product, `${name}-data`, {
      encryption: s3.BucketEncryption.KMS,
      encryptionKey: key,
      enforceSSL: true,
      versioned: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      removalPolicy: cdk.RemovalPolicy.RETAIN,
    });
    const table = new glue.CfnTable(product, `${name}-table`, {
      catalogId: stack.account,
      databaseName: database,
      tableInput: {
        name,
        tableType: "EXTERNAL_TABLE",
        parameters: { classification: "parquet" },
        storageDescriptor: {
          location: `s3://${bucket.bucketName}/${name}/`,
          columns: COLUMNS.map((c) => ({ name: c.split(":")[0], type: c.split(":")[1] })),
          inputFormat: "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat",
          outputFormat: "org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat",
          serdeInfo: { serializationLibrary: "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe" },
        },
      },
    });
    const role = new iam.Role(product, `${name}-producer`, { assumedBy: new iam.ServicePrincipal("glue.amazonaws.com") });
    bucket.grantReadWrite(role);
    new lf.CfnPermissions(product, `${name}-read`, {
      dataLakePrincipal: { dataLakePrincipalIdentifier: role.roleArn },
      resource: { tableResource: { catalogId: stack.account, databaseName: database, name } },
      permissions: ["SELECT", "DESCRIBE"],
    }).addResourceDependency(table);
    const topic = new sns.Topic(product, `${name}-alerts`, { masterKey: key });
    new cw.Alarm(product, `${name}-freshness`, {
      metric: new cw.Metric({ namespace: "DataMesh", metricName: "HoursSinceLastUpdate", dimensionsMap: { product: `${domain}/${name}` } }),
      threshold: 24,
      evaluationPeriods: 1,
    }).addAlarmAction(new actions.SnsAction(topic));
  }
}
app.synth();
