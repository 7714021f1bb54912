package io.serverlessspring.local.sqs;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

/**
 * An SQS-triggered function for the event source mapping test: logs each record's body and reports
 * the records whose body starts with "fail" as {@code batchItemFailures} (partial batch response).
 */
public class SqsBatchHandler implements RequestStreamHandler {

	private static final Pattern RECORD = Pattern.compile("\"messageId\":\"([^\"]+)\".*?\"body\":\"([^\"]*)\"");

	@Override
	public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
		String event = new String(input.readAllBytes(), StandardCharsets.UTF_8);
		List<String> failed = new ArrayList<>();
		Matcher record = RECORD.matcher(event);
		int records = 0;
		while (record.find()) {
			records++;
			System.out.println("sqs record " + record.group(2) + " from " + (event.contains("\"eventSource\":\"aws:sqs\"") ? "aws:sqs" : "?"));
			if (record.group(2).startsWith("fail")) {
				failed.add(record.group(1));
			}
		}
		System.out.println("sqs batch records=" + records);
		StringBuilder reply = new StringBuilder("{\"batchItemFailures\":[");
		for (int i = 0; i < failed.size(); i++) {
			reply.append((i > 0) ? "," : "").append("{\"itemIdentifier\":\"").append(failed.get(i)).append("\"}");
		}
		output.write(reply.append("]}").toString().getBytes(StandardCharsets.UTF_8));
	}

}
