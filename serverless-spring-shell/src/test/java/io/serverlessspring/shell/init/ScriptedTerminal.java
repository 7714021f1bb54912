package io.serverlessspring.shell.init;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;

import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.shell.jline.tui.component.flow.ComponentFlow;
import org.springframework.shell.jline.tui.style.TemplateExecutor;
import org.springframework.shell.jline.tui.style.Theme;
import org.springframework.shell.jline.tui.style.ThemeRegistry;
import org.springframework.shell.jline.tui.style.ThemeResolver;
import org.springframework.shell.jline.tui.style.ThemeSettings;

/** A terminal whose keyboard is a script: what a user would type, keystroke by keystroke. */
final class ScriptedTerminal implements AutoCloseable {

	static final String ENTER = "\r";

	/** Ctrl-E: the selectors' "down" key (as the arrow key is). */
	static final String DOWN = "\u0005";

	private final Terminal terminal;

	private final ByteArrayOutputStream screen = new ByteArrayOutputStream();

	ScriptedTerminal(String keystrokes) {
		try {
			this.terminal = new DumbTerminal("scripted", "ansi",
					new ByteArrayInputStream(keystrokes.getBytes(StandardCharsets.UTF_8)), this.screen,
					StandardCharsets.UTF_8);
			// A real terminal has a size; components treat a size-less dumb terminal as "no terminal".
			this.terminal.setSize(new Size(100, 30));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Spring Shell's component flows on this terminal, set up as the shell's auto-configuration does. */
	ComponentFlow.Builder flows() {
		ThemeRegistry themes = new ThemeRegistry();
		themes.register(Theme.of("default", ThemeSettings.defaults()));
		return ComponentFlow.builder()
			.terminal(this.terminal)
			.resourceLoader(new DefaultResourceLoader())
			.templateExecutor(new TemplateExecutor(new ThemeResolver(themes, "default")));
	}

	/** What the components drew. */
	String screen() {
		this.terminal.flush();
		return this.screen.toString(StandardCharsets.UTF_8);
	}

	@Override
	public void close() throws IOException {
		this.terminal.close();
	}

}
