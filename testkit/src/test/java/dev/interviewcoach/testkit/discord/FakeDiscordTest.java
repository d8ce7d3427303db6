package dev.interviewcoach.testkit.discord;

import static dev.interviewcoach.testkit.discord.FakeDiscord.APPLICATION_ID;
import static dev.interviewcoach.testkit.discord.FakeDiscord.BOT_USER_ID;
import static dev.interviewcoach.testkit.discord.FakeDiscord.CHANNEL_ID;
import static dev.interviewcoach.testkit.discord.FakeDiscord.GUILD_ID;
import static dev.interviewcoach.testkit.discord.FakeDiscord.USER_A;
import static dev.interviewcoach.testkit.discord.FakeDiscord.USER_B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.GatewayEncoding;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.entities.channel.concrete.PrivateChannel;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.emoji.Emoji;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.events.session.ShutdownEvent;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.requests.CloseCode;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.FileUpload;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real JDA 6.5 against the fake Discord, through JDA's public API only. */
class FakeDiscordTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final EnumSet<GatewayIntent> ALL_MESSAGES =
            EnumSet.of(GatewayIntent.GUILD_MESSAGES, GatewayIntent.DIRECT_MESSAGES, GatewayIntent.MESSAGE_CONTENT);
    private static final EnumSet<GatewayIntent> WITHOUT_CONTENT =
            EnumSet.of(GatewayIntent.GUILD_MESSAGES, GatewayIntent.DIRECT_MESSAGES);

    private FakeDiscord fake;
    private JDA jda;
    private final Events events = new Events();

    @BeforeEach
    void start() {
        fake = FakeDiscord.start();
    }

    @AfterEach
    void stop() throws InterruptedException {
        try {
            if (jda != null) {
                jda.shutdownNow();
                assertThat(jda.awaitShutdown(WAIT)).as("JDA shut down").isTrue();
            }
        } finally {
            fake.close();
        }
    }

    @Test
    void jdaConnectsIdentifiesAndCachesTheGuild() throws Exception {
        connect(ALL_MESSAGES);

        // JDA always adds GUILDS to the intents it was built with.
        assertThat(GatewayIntent.getIntents(fake.identifiedIntents())).isEqualTo(jda.getGatewayIntents())
                .containsAll(ALL_MESSAGES);
        assertThat(jda.getSelfUser().getId()).isEqualTo(BOT_USER_ID);
        assertThat(jda.getSelfUser().getApplicationId()).isEqualTo(APPLICATION_ID);
        Guild guild = jda.getGuildById(GUILD_ID);
        assertThat(guild).isNotNull();
        TextChannel channel = guild.getTextChannelById(CHANNEL_ID);
        assertThat(channel).isNotNull();
        assertThat(channel.getName()).isEqualTo("interview-practice");
        assertThat(guild.getSelfMember().hasPermission(channel, Permission.VIEW_CHANNEL, Permission.MESSAGE_SEND,
                Permission.CREATE_PRIVATE_THREADS, Permission.MESSAGE_SEND_IN_THREADS, Permission.MESSAGE_EMBED_LINKS))
                .isTrue();
        fake.awaitCall("GET", "users/@me", WAIT);

        assertThat(jda.retrieveApplicationInfo().complete().getFlagsRaw() & FakeDiscord.FLAG_GATEWAY_MESSAGE_CONTENT)
                .isNotZero();
    }

    @Test
    void commandsRegisterAndSlashCommandsAreAnsweredThroughTheRecordedRestApi() throws Exception {
        connect(ALL_MESSAGES);

        List<Command> registered = jda.updateCommands().addCommands(Commands.slash("coach", "Interview practice")
                .addSubcommands(new SubcommandData("start", "Start a mock interview")
                        .addOption(OptionType.STRING, "role", "The role to practise for", false, true)))
                .complete();
        assertThat(registered).singleElement().satisfies(command -> {
            assertThat(command.getName()).isEqualTo("coach");
            assertThat(command.getApplicationId()).isEqualTo(APPLICATION_ID);
            assertThat(command.getSubcommands()).extracting(Command.Subcommand::getName).containsExactly("start");
        });
        fake.awaitCall("PUT", "applications/" + APPLICATION_ID + "/commands",
                call -> call.body().path(0).path("name").asText().equals("coach"), WAIT);
        List<Command> guildCommands = jda.getGuildById(GUILD_ID).updateCommands()
                .addCommands(Commands.slash("practice", "Guild-only practice")).complete();
        assertThat(guildCommands).extracting(Command::getName).containsExactly("practice");
        fake.awaitCall("PUT", "applications/" + APPLICATION_ID + "/guilds/" + GUILD_ID + "/commands", WAIT);

        String token = fake.slashCommand(USER_A, CHANNEL_ID, "coach", "start", Map.of("role", "backend"));

        SlashCommandInteractionEvent event = poll(events.slash);
        assertThat(event.getName()).isEqualTo("coach");
        assertThat(event.getSubcommandName()).isEqualTo("start");
        assertThat(event.getOption("role").getAsString()).isEqualTo("backend");
        assertThat(event.getUser().getId()).isEqualTo(USER_A);
        assertThat(event.getMember()).isNotNull();
        assertThat(event.getChannel().getId()).isEqualTo(CHANNEL_ID);
        assertThat(event.getToken()).isEqualTo(token);
        assertThat(event.getContext()).isEqualTo(InteractionContextType.GUILD);
        assertThat(event.getIntegrationOwners().getAuthorizingGuildIdLong()).isEqualTo(Long.parseLong(GUILD_ID));

        RestCall deferred = fake.awaitCall("POST", "interactions/\\d+/" + token + "/callback", WAIT);
        assertThat(deferred.path()).contains(fake.interactionId(token));
        assertThat(deferred.body().path("type").asInt()).isEqualTo(5);
        assertThat(deferred.body().path("data").path("flags").asInt() & 64).isEqualTo(64);
        RestCall followUp = fake.awaitCall("POST", "webhooks/" + APPLICATION_ID + "/" + token,
                call -> "x".equals(call.field("content")), WAIT);
        assertThat(followUp.query()).contains("wait=true");
        assertThat(poll(events.followUps).getContentRaw()).isEqualTo("x");

        Message original = event.getHook().editOriginal("Question 1: tell me about yourself.").complete();
        assertThat(original.getContentRaw()).isEqualTo("Question 1: tell me about yourself.");
        assertThat(original.isEphemeral()).isTrue();
        fake.awaitCall("PATCH", "webhooks/" + APPLICATION_ID + "/" + token + "/messages/@original", WAIT);
        assertThat(events.errors).isEmpty();
    }

    @Test
    void buttonsModalsAndAutocompleteReachTheListener() throws Exception {
        connect(ALL_MESSAGES);
        TextChannel channel = jda.getTextChannelById(CHANNEL_ID);
        Message question = channel.sendMessage("Ready for the next question?")
                .addComponents(ActionRow.of(Button.primary("coach:next", "Next"))).complete();
        assertThat(question.getAuthor().getId()).isEqualTo(BOT_USER_ID);
        assertThat(question.getComponentTree().findAll(Button.class)).extracting(Button::getCustomId).containsExactly("coach:next");

        String buttonToken = fake.buttonClick(USER_B, CHANNEL_ID, question.getId(), "coach:next");
        ButtonInteractionEvent click = poll(events.buttons);
        assertThat(click.getComponentId()).isEqualTo("coach:next");
        assertThat(click.getMessageId()).isEqualTo(question.getId());
        assertThat(click.getUser().getId()).isEqualTo(USER_B);
        fake.awaitCall("POST", "interactions/\\d+/" + buttonToken + "/callback",
                call -> call.body().path("type").asInt() == 6, WAIT);
        Message edited = question.editMessage("Question 2: a conflict you solved?").setComponents().complete();
        assertThat(edited.getContentRaw()).isEqualTo("Question 2: a conflict you solved?");
        assertThat(edited.getComponents()).isEmpty();
        fake.awaitCall("PATCH", "channels/" + CHANNEL_ID + "/messages/" + question.getId(), WAIT);

        String modalToken = fake.modalSubmit(USER_A, CHANNEL_ID, "coach:answer", Map.of("answer", "I led a team"));
        ModalInteractionEvent modal = poll(events.modals);
        assertThat(modal.getModalId()).isEqualTo("coach:answer");
        assertThat(modal.getValue("answer").getAsString()).isEqualTo("I led a team");
        fake.awaitCall("POST", "interactions/\\d+/" + modalToken + "/callback",
                call -> call.body().path("type").asInt() == 4
                        && call.body().path("data").path("content").asText().equals("Thanks!"), WAIT);

        String autoToken = fake.autocomplete(USER_A, CHANNEL_ID, "coach", "start", "role", "back");
        CommandAutoCompleteInteractionEvent auto = poll(events.autocomplete);
        assertThat(auto.getFocusedOption().getName()).isEqualTo("role");
        assertThat(auto.getFocusedOption().getValue()).isEqualTo("back");
        RestCall choices = fake.awaitCall("POST", "interactions/\\d+/" + autoToken + "/callback", WAIT);
        assertThat(choices.body().path("type").asInt()).isEqualTo(8);
        assertThat(choices.body().path("data").path("choices").path(0).path("value").asText()).isEqualTo("backend");
        assertThat(events.errors).isEmpty();
    }

    @Test
    void theListenerSeesEveryRestCallAsItArrivesAlreadyRecorded() throws Exception {
        connect(ALL_MESSAGES);
        BlockingQueue<RestCall> heard = new LinkedBlockingQueue<>();
        List<Integer> recordedWhenHeard = new java.util.concurrent.CopyOnWriteArrayList<>();
        fake.onCall(call -> {
            recordedWhenHeard.add(fake.calls().indexOf(call));
            heard.add(call);
        });

        jda.getTextChannelById(CHANNEL_ID).sendMessage("timed").complete();

        RestCall call = heard.poll(5, TimeUnit.SECONDS);
        assertThat(call).isNotNull();
        assertThat(call.method()).isEqualTo("POST");
        assertThat(call.path()).isEqualTo("channels/" + CHANNEL_ID + "/messages");
        assertThat(call.field("content")).isEqualTo("timed");
        assertThat(recordedWhenHeard).first().isNotEqualTo(-1);
    }

    @Test
    void answersCanComeAsLateAsDiscordsWithoutHoldingTheServer() throws Exception {
        connect(ALL_MESSAGES);
        fake.answerAfter(Duration.ofMillis(300));
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        long start = System.nanoTime();
        List<java.util.concurrent.CompletableFuture<java.net.http.HttpResponse<String>>> answers =
                new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            answers.add(client.sendAsync(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(fake.restUrl() + "gateway/bot")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()));
        }
        for (var answer : answers) {
            assertThat(answer.get(5, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        // eight calls at once against a server of four threads: all late, none queued behind another's wait
        assertThat(millis).isBetween(300L, 2_000L);

        long sent = System.nanoTime();
        jda.getTextChannelById(CHANNEL_ID).sendMessage("late").complete();
        assertThat((System.nanoTime() - sent) / 1_000_000).as("JDA waits for the late answer")
                .isGreaterThanOrEqualTo(300L);
        fake.answerAfter(Duration.ZERO);
    }

    @Test
    void injectedMessagesReachOnMessageReceived() throws Exception {
        connect(ALL_MESSAGES);

        String id = fake.message(USER_A, CHANNEL_ID, "hello coach");

        MessageReceivedEvent event = pollFromUser(USER_A);
        assertThat(event.getMessageId()).isEqualTo(id);
        assertThat(event.getMessage().getContentRaw()).isEqualTo("hello coach");
        assertThat(event.isFromGuild()).isTrue();
        assertThat(event.getGuild().getId()).isEqualTo(GUILD_ID);
        assertThat(event.getChannel().getId()).isEqualTo(CHANNEL_ID);
        assertThat(event.getMember()).isNotNull();
    }

    @Test
    void privateThreadsAreCreatedJoinedAndWrittenTo() throws Exception {
        connect(ALL_MESSAGES);
        TextChannel channel = jda.getTextChannelById(CHANNEL_ID);

        ThreadChannel thread = channel.createThreadChannel("t", true).complete();

        assertThat(thread.getId()).isEqualTo(fake.lastThreadId());
        assertThat(thread.getType()).isEqualTo(ChannelType.GUILD_PRIVATE_THREAD);
        assertThat(thread.getName()).isEqualTo("t");
        assertThat(thread.getParentChannel().getId()).isEqualTo(CHANNEL_ID);
        assertThat(thread.getOwnerId()).isEqualTo(BOT_USER_ID);
        RestCall created = fake.awaitCall("POST", "channels/" + CHANNEL_ID + "/threads", WAIT);
        assertThat(created.body().path("type").asInt()).isEqualTo(12);
        assertThat(jda.getThreadChannelById(thread.getId())).isNotNull();

        thread.addThreadMemberById(USER_A).complete();
        fake.awaitCall("PUT", "channels/" + thread.getId() + "/thread-members/" + USER_A, WAIT);
        Message question = thread.sendMessage("Tell me about yourself.").complete();
        assertThat(question.getChannel().getId()).isEqualTo(thread.getId());
        fake.awaitCall("POST", "channels/" + thread.getId() + "/messages",
                call -> "Tell me about yourself.".equals(call.field("content")), WAIT);

        fake.message(USER_A, thread.getId(), "I am a developer.");
        MessageReceivedEvent answer = pollFromUser(USER_A);
        assertThat(answer.getChannelType()).isEqualTo(ChannelType.GUILD_PRIVATE_THREAD);
        assertThat(answer.getMessage().getContentRaw()).isEqualTo("I am a developer.");

        Message prompt = channel.sendMessage("Discuss this answer").complete();
        ThreadChannel discussion = prompt.createThreadChannel("discussion").complete();
        assertThat(discussion.getId()).isEqualTo(prompt.getId()).isEqualTo(fake.lastThreadId());
        assertThat(discussion.getType()).isEqualTo(ChannelType.GUILD_PUBLIC_THREAD);
    }

    @Test
    void directMessagesOpenSendAndReceive() throws Exception {
        connect(ALL_MESSAGES);

        PrivateChannel dm = jda.openPrivateChannelById(USER_A).complete();
        assertThat(dm.getId()).isEqualTo(fake.dmChannel(USER_A));
        fake.awaitCall("POST", "users/@me/channels", call -> USER_A.equals(call.field("recipient_id")), WAIT);
        dm.sendMessage("Your practice summary").complete();
        fake.awaitCall("POST", "channels/" + dm.getId() + "/messages",
                call -> "Your practice summary".equals(call.field("content")), WAIT);

        fake.message(USER_A, dm.getId(), "thanks!");
        MessageReceivedEvent reply = pollFromUser(USER_A);
        assertThat(reply.isFromGuild()).isFalse();
        assertThat(reply.getChannelType()).isEqualTo(ChannelType.PRIVATE);
        assertThat(reply.getMessage().getContentRaw()).isEqualTo("thanks!");

        String token = fake.slashCommand(USER_A, dm.getId(), "coach", "start", Map.of());
        SlashCommandInteractionEvent command = poll(events.slash);
        assertThat(command.getGuild()).isNull();
        assertThat(command.getContext()).isEqualTo(InteractionContextType.BOT_DM);
        assertThat(command.getUser().getId()).isEqualTo(USER_A);
        assertThat(command.getChannelType()).isEqualTo(ChannelType.PRIVATE);
        fake.awaitCall("POST", "webhooks/" + APPLICATION_ID + "/" + token, WAIT);
        assertThat(poll(events.followUps).getChannelId()).isEqualTo(dm.getId());
    }

    @Test
    void rateLimitedMessagesAreRetriedAndFailuresSurface() throws Exception {
        connect(ALL_MESSAGES);
        TextChannel channel = jda.getTextChannelById(CHANNEL_ID);
        fake.rateLimitNext("POST", "channels/\\d+/messages", 1, 0.2);

        Message sent = channel.sendMessage("after a 429").complete();

        assertThat(sent.getContentRaw()).isEqualTo("after a 429");
        assertThat(fake.calls("POST", "channels/" + CHANNEL_ID + "/messages")).hasSize(2)
                .allSatisfy(call -> assertThat(call.field("content")).isEqualTo("after a 429"));

        fake.failNext("POST", "channels/\\d+/messages", 403, 50013, "Missing Permissions");
        assertThatThrownBy(() -> channel.sendMessage("forbidden").complete())
                .isInstanceOfSatisfying(ErrorResponseException.class,
                        e -> assertThat(e.getErrorResponse()).isEqualTo(ErrorResponse.MISSING_PERMISSIONS));

        // Routes the fake does not serve answer 404 and are recorded all the same.
        assertThatThrownBy(() -> jda.getGuildById(GUILD_ID).retrieveEmojis().complete())
                .isInstanceOfSatisfying(ErrorResponseException.class,
                        e -> assertThat(e.getErrorCode()).isZero());
        assertThat(fake.calls("GET", "guilds/" + GUILD_ID + "/emojis")).hasSize(1);
    }

    @Test
    void aRequestedReconnectResumesTheSession() throws Exception {
        // configure() applies the same settings as connect() spells out.
        jda = fake.configure(JDABuilder.createLight("fake-token", ALL_MESSAGES)).addEventListeners(events).build();
        awaitReady();

        fake.requestReconnect();

        fake.awaitResumed(WAIT);
        assertThat(fake.gatewayReceived()).anySatisfy(payload -> assertThat(payload.path("op").asInt()).isEqualTo(6));
        fake.message(USER_B, CHANNEL_ID, "still there?");
        assertThat(pollFromUser(USER_B).getMessage().getContentRaw()).isEqualTo("still there?");
    }

    @Test
    void messageContentIntentWithoutPermissionIsClosedWith4014() {
        fake.messageContentIntent(false);

        assertThatThrownBy(() -> connect(ALL_MESSAGES)).isInstanceOf(ExecutionException.class);

        fake.awaitIdentified(WAIT);
        assertThat(fake.identifiedIntents() & FakeDiscord.INTENT_MESSAGE_CONTENT).isNotZero();
        assertThat(fake.gatewayCloseCodes()).containsExactly(FakeDiscord.CLOSE_DISALLOWED_INTENTS);
        ShutdownEvent shutdown = poll(events.shutdowns);
        assertThat(shutdown.getCloseCode()).isEqualTo(CloseCode.DISALLOWED_INTENTS);
    }

    @Test
    void withoutMessageContentTheGatewayBlanksOtherUsersGuildMessages() throws Exception {
        fake.messageContentIntent(false);
        connect(WITHOUT_CONTENT);

        assertThat(fake.identifiedIntents() & FakeDiscord.INTENT_MESSAGE_CONTENT).isZero();
        assertThat(jda.retrieveApplicationInfo().complete().getFlagsRaw() & FakeDiscord.FLAG_GATEWAY_MESSAGE_CONTENT)
                .isZero();

        fake.message(USER_A, CHANNEL_ID, "my secret answer");
        assertThat(pollFromUser(USER_A).getMessage().getContentRaw()).isEmpty();
        fake.message(USER_A, CHANNEL_ID, "<@" + BOT_USER_ID + "> next please");
        assertThat(pollFromUser(USER_A).getMessage().getContentRaw()).isEqualTo("<@" + BOT_USER_ID + "> next please");
        fake.message(USER_A, fake.dmChannel(USER_A), "dm content stays");
        assertThat(pollFromUser(USER_A).getMessage().getContentRaw()).isEqualTo("dm content stays");
    }

    @Test
    void filesArriveWithTheirBytesAndBecomeAttachments() throws Exception {
        connect(ALL_MESSAGES);
        byte[] bytes = "{\"streak\":3,\"note\":\"\u00e9\u2705\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        TextChannel channel = jda.getTextChannelById(CHANNEL_ID);

        Message sent = channel.sendMessage("your export").addFiles(FileUpload.fromData(bytes, "export.json")).complete();

        assertThat(sent.getAttachments()).singleElement().satisfies(a -> {
            assertThat(a.getFileName()).isEqualTo("export.json");
            assertThat(a.getSize()).isEqualTo(bytes.length);
        });
        RestCall call = fake.awaitCall("POST", "channels/" + CHANNEL_ID + "/messages", c -> !c.files().isEmpty(), WAIT);
        assertThat(call.field("content")).isEqualTo("your export");
        assertThat(call.files()).singleElement().satisfies(f -> {
            assertThat(f.fileName()).isEqualTo("export.json");
            assertThat(f.content()).isEqualTo(bytes);
        });
        assertThat(fake.messageCreatedBy(call, WAIT)).isEqualTo(sent.getId());
    }

    @Test
    void theBotsOwnReactionsAreRecorded() throws Exception {
        connect(ALL_MESSAGES);
        String answer = fake.message(USER_A, CHANNEL_ID, "my answer");
        TextChannel channel = jda.getTextChannelById(CHANNEL_ID);

        channel.addReactionById(answer, Emoji.fromUnicode("\u2705")).complete();

        fake.awaitBotReaction(answer, "\u2705", WAIT);
        assertThat(fake.botReactions(answer)).containsExactly("\u2705");
        assertThat(channel.retrieveMessageById(answer).complete().getReactions())
                .singleElement().satisfies(r -> assertThat(r.isSelf()).isTrue());
        assertThatThrownBy(() -> channel.addReactionById("1", Emoji.fromUnicode("\u2705")).complete())
                .isInstanceOfSatisfying(ErrorResponseException.class,
                        e -> assertThat(e.getErrorResponse()).isEqualTo(ErrorResponse.UNKNOWN_MESSAGE));
    }

    @Test
    void grantedPermissionsShowInInteractionsAndMemberFetches() throws Exception {
        connect(ALL_MESSAGES);
        Guild guild = jda.getGuildById(GUILD_ID);
        assertThat(guild.retrieveMemberById(USER_B).complete().hasPermission(Permission.MANAGE_SERVER)).isFalse();

        String role = fake.grantPermissions(USER_B, FakeDiscord.PERMISSION_MANAGE_GUILD);
        // The role reaches JDA through the gateway; permissions are computed from its cache.
        await().atMost(WAIT).until(() -> guild.getRoleById(role) != null);

        assertThat(guild.retrieveMemberById(USER_B).complete().hasPermission(Permission.MANAGE_SERVER)).isTrue();
        fake.slashCommand(USER_B, CHANNEL_ID, "coach", "start", Map.of());
        SlashCommandInteractionEvent command = poll(events.slash);
        assertThat(command.getMember().hasPermission(Permission.MANAGE_SERVER)).isTrue();
        assertThat(command.getMember().hasPermission(Permission.MANAGE_CHANNEL)).isFalse();
    }

    @Test
    void subcommandGroupsAndTheirAutocompleteReachTheListener() throws Exception {
        connect(ALL_MESSAGES);
        Map<String, Object> options = new java.util.LinkedHashMap<>();
        options.put("time", "09:00");
        options.put("track", "backend");

        fake.slashCommand(USER_A, CHANNEL_ID, "coach", "daily", "subscribe", options);

        SlashCommandInteractionEvent command = poll(events.slash);
        assertThat(command.getFullCommandName()).isEqualTo("coach daily subscribe");
        assertThat(command.getOptions()).extracting(o -> o.getName()).containsExactly("time", "track");
        fake.autocomplete(USER_A, CHANNEL_ID, "coach", "daily", "subscribe", "track", "ba");
        CommandAutoCompleteInteractionEvent auto = poll(events.autocomplete);
        assertThat(auto.getSubcommandGroup()).isEqualTo("daily");
        assertThat(auto.getFocusedOption().getValue()).isEqualTo("ba");
    }

    // ---------------------------------------------------------------- helpers

    private void connect(EnumSet<GatewayIntent> intents) throws Exception {
        jda = JDABuilder.createLight("fake-token", intents)
                .setRestConfig(new RestConfig().setBaseUrl(fake.restUrl()))
                .setSessionController(fake.sessionController())
                .setCompression(Compression.NONE)
                .setGatewayEncoding(GatewayEncoding.JSON)
                .addEventListeners(events)
                .build();
        awaitReady();
    }

    private void awaitReady() throws Exception {
        JDA connecting = jda;
        CompletableFuture.supplyAsync(() -> {
            try {
                return connecting.awaitReady();
            } catch (InterruptedException e) {
                throw new CompletionException(e);
            }
        }).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    private MessageReceivedEvent pollFromUser(String userId) {
        while (true) {
            MessageReceivedEvent event = poll(events.messages);
            if (event.getAuthor().getId().equals(userId)) {
                return event;
            }
        }
    }

    private static <T> T poll(BlockingQueue<T> queue) {
        try {
            T event = queue.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(event).as("event within " + WAIT).isNotNull();
            return event;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Records events and answers interactions the way a simple bot would. */
    private static final class Events extends ListenerAdapter {
        final BlockingQueue<SlashCommandInteractionEvent> slash = new LinkedBlockingQueue<>();
        final BlockingQueue<Message> followUps = new LinkedBlockingQueue<>();
        final BlockingQueue<ButtonInteractionEvent> buttons = new LinkedBlockingQueue<>();
        final BlockingQueue<ModalInteractionEvent> modals = new LinkedBlockingQueue<>();
        final BlockingQueue<CommandAutoCompleteInteractionEvent> autocomplete = new LinkedBlockingQueue<>();
        final BlockingQueue<MessageReceivedEvent> messages = new LinkedBlockingQueue<>();
        final BlockingQueue<ShutdownEvent> shutdowns = new LinkedBlockingQueue<>();
        final BlockingQueue<Throwable> errors = new LinkedBlockingQueue<>();

        @Override
        public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
            event.deferReply(true).queue(null, errors::add);
            event.getHook().sendMessage("x").queue(followUps::add, errors::add);
            slash.add(event);
        }

        @Override
        public void onButtonInteraction(ButtonInteractionEvent event) {
            event.deferEdit().queue(null, errors::add);
            buttons.add(event);
        }

        @Override
        public void onModalInteraction(ModalInteractionEvent event) {
            event.reply("Thanks!").setEphemeral(true).queue(null, errors::add);
            modals.add(event);
        }

        @Override
        public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent event) {
            event.replyChoiceStrings("backend", "frontend").queue(null, errors::add);
            autocomplete.add(event);
        }

        @Override
        public void onMessageReceived(MessageReceivedEvent event) {
            messages.add(event);
        }

        @Override
        public void onShutdown(ShutdownEvent event) {
            shutdowns.add(event);
        }
    }
}
