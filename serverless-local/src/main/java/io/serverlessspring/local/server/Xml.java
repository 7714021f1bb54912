package io.serverlessspring.local.server;

import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** XML for the query and rest-xml services: a small streaming writer and DOM reading helpers. */
public final class Xml {

	private Xml() {
	}

	/** A writer whose document element is {@code root}, with {@code xmlns} when given. */
	public static Writer writer(String root, String namespace) {
		return new Writer(root, namespace);
	}

	/**
	 * The query protocol's envelope: {@code <ActionResponse><ActionResult>…</ActionResult>
	 * <ResponseMetadata><RequestId/></ResponseMetadata></ActionResponse>}. Write the result's
	 * children, then call {@link Writer#toString()}.
	 */
	public static Writer queryResponse(String action, String namespace, String requestId) {
		Writer writer = new Writer(action + "Response", namespace);
		writer.trailer = (w) -> w.end().start("ResponseMetadata").element("RequestId", requestId).end();
		writer.start(action + "Result");
		return writer;
	}

	/** Parses an XML body (no DTDs, no external entities); malformed XML is {@code MalformedXML}. */
	public static Element parse(byte[] body) {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setNamespaceAware(true);
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			DocumentBuilder builder = factory.newDocumentBuilder();
			Document document = builder.parse(new ByteArrayInputStream(body));
			return document.getDocumentElement();
		}
		catch (Exception ex) {
			throw AwsException.badRequest("MalformedXML",
					"The XML you provided was not well-formed or did not validate against our published schema");
		}
	}

	/** Direct children of {@code parent} with the given local name. */
	public static List<Element> children(Element parent, String name) {
		List<Element> result = new ArrayList<>();
		for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
			if (node instanceof Element element && name.equals(localName(element))) {
				result.add(element);
			}
		}
		return result;
	}

	/** The first direct child with the given local name, or null. */
	public static Element child(Element parent, String name) {
		List<Element> found = children(parent, name);
		return found.isEmpty() ? null : found.get(0);
	}

	/** The trimmed text of the first child with that name, or null. */
	public static String childText(Element parent, String name) {
		Element child = child(parent, name);
		return (child != null) ? child.getTextContent().trim() : null;
	}

	private static String localName(Element element) {
		return (element.getLocalName() != null) ? element.getLocalName() : element.getTagName();
	}

	/** Escapes text for element content and attribute values. */
	public static String escape(String text) {
		StringBuilder out = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '&' -> out.append("&amp;");
				case '"' -> out.append("&quot;");
				case '\'' -> out.append("&apos;");
				default -> out.append(c);
			}
		}
		return out.toString();
	}

	/** Writes elements in document order; {@link #toString()} closes what is open. */
	public static final class Writer {

		private final StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");

		private final Deque<String> open = new ArrayDeque<>();

		private java.util.function.Consumer<Writer> trailer;

		private String finished;

		private Writer(String root, String namespace) {
			this.out.append('<').append(root);
			if (namespace != null) {
				this.out.append(" xmlns=\"").append(namespace).append('"');
			}
			this.out.append('>');
			this.open.push(root);
		}

		/** Opens a child element. */
		public Writer start(String name) {
			this.out.append('<').append(name).append('>');
			this.open.push(name);
			return this;
		}

		/** Closes the innermost open element. */
		public Writer end() {
			this.out.append("</").append(this.open.pop()).append('>');
			return this;
		}

		/** {@code <name>text</name>}; nothing when {@code text} is null. */
		public Writer element(String name, Object text) {
			if (text != null) {
				this.out.append('<').append(name).append('>').append(escape(text.toString())).append("</")
					.append(name).append('>');
			}
			return this;
		}

		/** Raw, already-valid XML. */
		public Writer raw(String xml) {
			this.out.append(xml);
			return this;
		}

		@Override
		public String toString() {
			if (this.finished == null) {
				if (this.trailer != null) {
					// close everything below the envelope's Result element, then the trailer
					while (this.open.size() > 2) {
						end();
					}
					this.trailer.accept(this);
				}
				while (!this.open.isEmpty()) {
					end();
				}
				this.finished = this.out.toString();
			}
			return this.finished;
		}

	}

}
