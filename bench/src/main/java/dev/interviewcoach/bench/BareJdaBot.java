package dev.interviewcoach.bench;

import dev.interviewcoach.testkit.discord.FakeDiscord;
import java.util.EnumSet;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.requests.GatewayIntent;

/**
 * The floor on Discord: JDA with the coach's intents (guild messages, DMs, message content), connected to the same
 * fake Discord, whose one listener acknowledges each slash command as the coach's does ({@code deferReply(true)},
 * one interaction callback) and does nothing else.
 */
final class BareJdaBot implements DiscordTarget {

    private final JDA jda;

    BareJdaBot(FakeDiscord discord) throws InterruptedException {
        jda = discord.configure(JDABuilder.createLight("fake-token", EnumSet.of(GatewayIntent.GUILD_MESSAGES,
                        GatewayIntent.DIRECT_MESSAGES, GatewayIntent.MESSAGE_CONTENT)))
                .addEventListeners(new ListenerAdapter() {
                    @Override
                    public void onSlashCommandInteraction(SlashCommandInteractionEvent e) {
                        e.deferReply(true).queue();
                    }
                })
                .build();
        jda.awaitReady();
    }

    @Override
    public String name() {
        return "bare JDA";
    }

    @Override
    public boolean replies() {
        return false;
    }

    @Override
    public void close() {
        jda.shutdown();
        try {
            if (!jda.awaitShutdown(5, TimeUnit.SECONDS)) {
                jda.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
