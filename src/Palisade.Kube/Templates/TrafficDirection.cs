namespace Palisade.Kube.Templates;

public enum TrafficDirection
{
    Ingress,
    Egress,
}
