{{/* Chart name, overridable with nameOverride. */}}
{{- define "chatopsbot.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Fully qualified app name: the release name, plus the chart name unless the release already has it. */}}
{{- define "chatopsbot.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "chatopsbot.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "chatopsbot.selectorLabels" -}}
app.kubernetes.io/name: {{ include "chatopsbot.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "chatopsbot.labels" -}}
helm.sh/chart: {{ include "chatopsbot.chart" . }}
{{ include "chatopsbot.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{/* The Secret holding tokens and the connection string: secrets.existingSecret, else the full name. */}}
{{- define "chatopsbot.secretName" -}}
{{- default (include "chatopsbot.fullname" .) .Values.secrets.existingSecret }}
{{- end }}
