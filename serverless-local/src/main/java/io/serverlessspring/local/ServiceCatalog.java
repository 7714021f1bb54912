package io.serverlessspring.local;

import java.util.ArrayList;
import java.util.List;

import io.serverlessspring.local.server.AwsService;
import io.serverlessspring.local.apigateway.RestApiService;
import io.serverlessspring.local.cloudwatch.CloudWatchService;
import io.serverlessspring.local.acm.AcmService;
import io.serverlessspring.local.route53.Route53Service;
import io.serverlessspring.local.sns.SnsService;
import io.serverlessspring.local.secretsmanager.SecretsManagerService;
import io.serverlessspring.local.sqs.SqsService;
import io.serverlessspring.local.ssm.SsmService;
import io.serverlessspring.local.dynamodb.DynamoDbService;
import io.serverlessspring.local.apigateway.ConnectionsService;
import io.serverlessspring.local.ec2.Ec2Service;
import io.serverlessspring.local.elbv2.Elbv2Service;
import io.serverlessspring.local.apigateway.HttpApiService;
import io.serverlessspring.local.events.EventsService;
import io.serverlessspring.local.iam.IamService;
import io.serverlessspring.local.lambda.LambdaService;
import io.serverlessspring.local.logs.LogsService;
import io.serverlessspring.local.s3.S3Service;
import io.serverlessspring.local.scheduler.SchedulerService;
import io.serverlessspring.local.sts.StsService;

/**
 * Every service of the local cloud, one line each. Adding a service = a package with an
 * {@link AwsService} implementation + one line here (see the module README).
 */
final class ServiceCatalog {

	private ServiceCatalog() {
	}

	/** Fresh instances, in dispatch order (for a shared signing name, the first that accepts wins). */
	static List<AwsService> create() {
		List<AwsService> services = new ArrayList<>();
		services.add(new StsService());
		services.add(new IamService());
		services.add(new S3Service());
		services.add(new LogsService());
		services.add(new LambdaService());
		services.add(new HttpApiService());
		services.add(new ConnectionsService());
		services.add(new SchedulerService());
		services.add(new EventsService());
		services.add(new DynamoDbService());
		services.add(new SqsService());
		services.add(new SnsService());
		services.add(new Route53Service());
		services.add(new AcmService());
		services.add(new CloudWatchService());
		services.add(new RestApiService());
		services.add(new SsmService());
		services.add(new SecretsManagerService());
		services.add(new Elbv2Service());
		services.add(new Ec2Service());
		return services;
	}

}
