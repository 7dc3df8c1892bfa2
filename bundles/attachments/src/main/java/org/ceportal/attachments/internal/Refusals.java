package org.ceportal.attachments.internal;

import java.util.List;

import org.ceportal.platform.api.FieldError;
import org.ceportal.platform.api.ProblemException;
import org.ceportal.platform.upload.Multipart;

/**
 * Every answer the attachments give to bad input, with its code and zh-CN message; those
 * about the multipart body itself (not multipart, broken, no file, too large) are the
 * platform's {@link Multipart}.
 */
final class Refusals {
    static final String TYPES = "只能上传 JPG、PNG、PDF 扫描件或 ZIP 压缩包（按文件内容识别）";

    private Refusals() {
    }

    static ProblemException emptyFile() {
        return file(400, "empty_file", "文件是空的，请重新选择");
    }

    static ProblemException unsupportedType() {
        return file(415, "unsupported_type", TYPES);
    }

    static ProblemException nestedArchive(String entry) {
        return file(422, "nested_archive", "压缩包内的「" + shown(entry) + "」也是压缩包，压缩包内不能再含压缩包，请解压后只放 JPG、PNG、PDF 文件");
    }

    /** Word, Excel, PowerPoint, WPS: what people put in a ZIP and mean as a document. */
    static boolean isOfficeDocument(String name) {
        String n = name.toLowerCase(java.util.Locale.ROOT);
        return n.matches(".*\\.(docx?|xlsx?|pptx?|wps|et|dps|odt|ods|odp)$");
    }

    static ProblemException zipContent(String entry) {
        String n = entry.toLowerCase(java.util.Locale.ROOT);
        String what = n.matches(".*\\.(docx?|wps|odt)$") ? "是 Word 文档"
                : n.matches(".*\\.(xlsx?|et|ods)$") ? "是 Excel 表格"
                : n.matches(".*\\.(pptx?|dps|odp)$") ? "是演示文稿" : "不是 JPG、PNG、PDF 文件";
        return file(422, "zip_content", "压缩包内的「" + shown(entry) + "」" + what + "，压缩包内只能放 JPG、PNG、PDF 文件"
                + (what.startsWith("是") ? "，请先另存为 PDF" : ""));
    }

    /** An entry's name as a message may show it: at most 40 characters, no control characters. */
    private static String shown(String entry) {
        String n = entry.replaceAll("\\p{Cntrl}", "");
        return n.length() <= 40 ? n : n.substring(0, 37) + "…";
    }

    static ProblemException zipTooLarge() {
        return file(422, "zip_too_large", "压缩包解压后过大");
    }

    static ProblemException zipPath() {
        return file(422, "zip_path", "压缩包内含非法路径");
    }

    static ProblemException zipEntries(int max) {
        return file(422, "zip_entries", "压缩包内文件过多（最多 " + max + " 个）");
    }

    static ProblemException zipEmpty() {
        return file(422, "zip_empty", "压缩包内没有文件");
    }

    static ProblemException zipInvalid() {
        return file(422, "zip_invalid", "压缩包已损坏或无法读取");
    }

    static ProblemException notFound() {
        return ProblemException.notFound("attachment_not_found", "附件不存在");
    }

    static ProblemException fileMissing() {
        return ProblemException.notFound("attachment_file_missing", "附件文件已丢失，请重新上传");
    }

    static ProblemException lockedDelete() {
        return ProblemException.conflict("attachment_locked", "已提交审核的申报不能删除附件");
    }

    static ProblemException lockedChange() {
        return ProblemException.conflict("attachment_locked", "已提交审核的申报不能修改附件");
    }

    static ProblemException inUse() {
        return ProblemException.conflict("attachment_in_use", "附件已用于其他申报");
    }

    static ProblemException notOwned() {
        return ProblemException.invalid("attachmentIds", "附件不存在或不属于您");
    }

    static ProblemException tooMany(int max) {
        return ProblemException.invalid("attachmentIds", "附件不能超过 " + max + " 个");
    }

    static ProblemException quota(Quotas q) {
        return file(429, "upload_quota", "今天上传的文件已达上限（每天最多 " + q.filesPerDay() + " 个、共 " + Multipart.size(q.bytesPerDay())
                + "），请明天再上传，或先删除不用的文件");
    }

    static ProblemException storageFull() {
        return file(507, "storage_full", "服务器存储空间不足，文件未保存，请稍后再试或联系平台管理员");
    }

    static ProblemException notKept() {
        return file(503, "upload_not_kept", "文件未能保存（上传中断或服务器存储暂时不可用），请重新上传");
    }

    static ProblemException changedMeanwhile() {
        return ProblemException.conflict("attachments_changed", "附件刚刚被修改，请刷新页面后重试");
    }

    private static ProblemException file(int status, String code, String message) {
        return new ProblemException(status, code, message, List.of(new FieldError("file", message)));
    }
}
