package io.inkwell.notifications.mail;

/**
 * A new comment, as the mails about it need it: the reply mail to a commenter ({@link ReaderMails})
 * and the notices to its post's author and to moderators ({@link StaffMails}).
 */
public record CommentMail(
    String messageId,
    String to,
    String postTitle,
    String postUrl,
    String commenterName,
    String excerpt) {}
